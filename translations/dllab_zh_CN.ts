<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>NMS step %1 of %2: %3 removed (dashed): IoU %4 &gt; %5 with %6 (solid)</source>
        <translation>NMS 第 %1 步（共 %2 步）：删去 %3（虚线）：与 %6（实线）的 IoU %4 &gt; %5</translation>
    </message>
    <message>
        <source>NMS step 0 of %1: %2 candidates with score ≥ %3, before any suppression</source>
        <translation>NMS 第 0 步（共 %1 步）：%2 个得分 ≥ %3 的候选框，尚未抑制</translation>
    </message>
    <message>
        <source>%1 detections from %2 candidates (score ≥ %3), NMS IoU &gt; %4 %5</source>
        <translation>%2 个候选框（得分 ≥ %3）中得到 %1 个检测结果，NMS IoU &gt; %4 %5</translation>
    </message>
    <message>
        <source>per class</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>across classes</source>
        <translation>跨类别</translation>
    </message>
    <message>
        <source>anchor %1 (%2×%3)</source>
        <translation>锚框 %1（%2×%3）</translation>
    </message>
    <message>
        <source> · head %1 (%2×%3 grid), cell row %4, column %5: %6 anchors</source>
        <translation> · 输出头 %1（%2×%3 网格），单元格第 %4 行第 %5 列：%6 个锚框</translation>
    </message>
    <message>
        <source>Mirror left–right.</source>
        <translation>左右镜像。</translation>
    </message>
    <message>
        <source>Mirroring</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>px</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>Pad with zeros, then crop back at a random shift of up to ± this many pixels.</source>
        <translation>先补零，再以最多 ± 这么多像素的随机偏移裁剪回原尺寸。</translation>
    </message>
    <message>
        <source>Random crop</source>
        <translation>随机裁剪</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Rotate by a random angle up to ± this.</source>
        <translation>随机旋转，角度最多 ± 这么多。</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Shear by a random factor up to ± this.</source>
        <translation>随机错切，系数最多 ± 这么多。</translation>
    </message>
    <message>
        <source>Shearing</source>
        <translation>错切</translation>
    </message>
    <message>
        <source>Local warping: smooth random displacements of up to about this many pixels (Simard et al. 2003).</source>
        <translation>局部形变：平滑的随机位移，最多约这么多像素（Simard 等，2003）。</translation>
    </message>
    <message>
        <source>Local warping</source>
        <translation>局部形变</translation>
    </message>
    <message>
        <source>Add a random offset per colour channel (colour images only).</source>
        <translation>每个颜色通道加一个随机偏移（仅彩色图像）。</translation>
    </message>
    <message>
        <source>Colour shift</source>
        <translation>颜色偏移</translation>
    </message>
    <message>
        <source>Shift colours along the training set's principal components (AlexNet; colour images only).</source>
        <translation>沿训练集的主成分方向改变颜色（AlexNet；仅彩色图像）。</translation>
    </message>
    <message>
        <source>PCA colour</source>
        <translation>PCA 颜色</translation>
    </message>
    <message>
        <source>
Range %1 … %2</source>
        <translation>
范围 %1 … %2</translation>
    </message>
</context>
<context>
    <name>dl::Core</name>
    <message>
        <source>Long-range dependency: remember the first letter for T steps</source>
        <translation>长期依赖：把第一个字母记住 T 步</translation>
    </message>
    <message>
        <source>Held-out accuracy against T</source>
        <translation>留出数据上的准确率随 T 的变化</translation>
    </message>
    <message>
        <source>T (steps between the letter and the question)</source>
        <translation>T（字母与提问之间的步数）</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>mean accuracy</source>
        <translation>平均准确率</translation>
    </message>
    <message>
        <source>per seed</source>
        <translation>每个种子</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Chance is 12.5 %. The sequence: a letter (a–h), T − 1 random letters of the same eight, then "?"; the answer is the first letter. A point is the mean of %1 seeds; each run trains on fresh examples (%2 a step, at most %3 steps, stopping at %4 %) and is scored on 512 held-out sequences. Gated cells start with their memory open (forget bias %5).</source>
        <translation>随机猜测为 12.5 %。序列：一个字母（a–h），再接同样八个字母中的 T − 1 个随机字母，然后是 "?"；答案是第一个字母。每个点是 %1 个种子的平均；每次运行都在新样本上训练（每步 %2 个，最多 %3 步，达到 %4 % 即停止），并在 512 条留出序列上评分。门控单元开始时记忆是打开的（遗忘门偏置 %5）。</translation>
    </message>
    <message>
        <source>Gradients through time: ‖∂L/∂a⟨t⟩‖ with the loss at the last step</source>
        <translation>随时间的梯度：损失在最后一步时的 ‖∂L/∂a⟨t⟩‖</translation>
    </message>
    <message>
        <source>Gradient norm against distance from the loss</source>
        <translation>梯度范数随与损失距离的变化</translation>
    </message>
    <message>
        <source>steps between t and the loss</source>
        <translation>t 与损失之间的步数</translation>
    </message>
    <message>
        <source>at the loss</source>
        <translation>在损失处</translation>
    </message>
    <message>
        <source>10 steps back</source>
        <translation>往回 10 步</translation>
    </message>
    <message>
        <source>all the way back</source>
        <translation>一直到开头</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <source>Measured %1 on %2 sequences of the remember task, T = %3, hidden %4. A plain RNN's gradient shrinks by a factor at every step back; the gated cells pass it on.</source>
        <translation>测量于%1，在记忆任务的 %2 条序列上，T = %3，隐藏单元 %4。普通 RNN 的梯度每往回一步就缩小一个倍数；门控单元则把它传下去。</translation>
    </message>
    <message>
        <source>after %1 training steps</source>
        <translation>训练 %1 步之后</translation>
    </message>
    <message>
        <source>at initialisation</source>
        <translation>初始化时</translation>
    </message>
    <message>
        <source>Tagging: inside a closed pair of brackets? One-way against bidirectional</source>
        <translation>标注：是否在一对闭合括号之内？单向对比双向</translation>
    </message>
    <message>
        <source>%1, bidirectional</source>
        <translation>%1，双向</translation>
    </message>
    <message>
        <source>%1, one-way</source>
        <translation>%1，单向</translation>
    </message>
    <message>
        <source>Classify a sequence: which of a, b, c occurs most often? (many-to-one)</source>
        <translation>序列分类：a、b、c 中哪个出现最多？（多对一）</translation>
    </message>
    <message>
        <source>Held-out accuracy</source>
        <translation>留出数据上的准确率</translation>
    </message>
    <message>
        <source>training steps</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Each step trains on %1 fresh sequences; accuracy over the targeted positions of 512 held-out ones.</source>
        <translation>每步在 %1 条新序列上训练；准确率按 512 条留出序列中的目标位置计算。</translation>
    </message>
    <message>
        <source>Exploding gradients: the same run without and with clipping</source>
        <translation>梯度爆炸：同一次运行，不裁剪与裁剪</translation>
    </message>
    <message>
        <source>clip ±%1</source>
        <translation>裁剪 ±%1</translation>
    </message>
    <message>
        <source>Gradient norm before clipping (largest of every 10 steps)</source>
        <translation>裁剪前的梯度范数（每 10 步中的最大值）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Loss per character (mean of every 10 steps)</source>
        <translation>每个字符的损失（每 10 步的平均）</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>奈特</translation>
    </message>
    <message>
        <source>no clipping</source>
        <translation>不裁剪</translation>
    </message>
    <message>
        <source>largest ‖∂J/∂θ‖</source>
        <translation>最大 ‖∂J/∂θ‖</translation>
    </message>
    <message>
        <source>loss/char, last 100 steps</source>
        <translation>损失/字符，最后 100 步</translation>
    </message>
    <message>
        <source>diverged at</source>
        <translation>发散于</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>%1, hidden %2, %3 at α %4, weights ~ N(0, %5²); a uniform guess costs %6 nats per character.</source>
        <translation>%1，隐藏单元 %2，%3，α %4，权重 ~ N(0, %5²)；均匀猜测的代价是每字符 %6 奈特。</translation>
    </message>
    <message>
        <source>%1, hidden %2, %3 at α %4, weights ~ N(0, %5²); a uniform guess costs %6 nats per character. Without clipping the loss became NaN at step %7.</source>
        <translation>%1，隐藏单元 %2，%3，α %4，权重 ~ N(0, %5²)；均匀猜测的代价是每字符 %6 奈特。不裁剪时，损失在第 %7 步变成了 NaN。</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>GRU against LSTM: the same corpus, settings and steps</source>
        <translation>GRU 对比 LSTM：同样的语料、设置和步数</translation>
    </message>
    <message>
        <source>Dev loss against epochs</source>
        <translation>开发集损失随轮数的变化</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>nats per character</source>
        <translation>奈特/字符</translation>
    </message>
    <message>
        <source>s per epoch</source>
        <translation>秒/轮</translation>
    </message>
    <message>
        <source>chars/s</source>
        <translation>字符/秒</translation>
    </message>
    <message>
        <source>memory (MB)</source>
        <translation>内存 (MB)</translation>
    </message>
    <message>
        <source>dev loss</source>
        <translation>开发集损失</translation>
    </message>
    <message>
        <source>Hidden %1, %2 layer(s), window %3, batch %4, %5 steps each, timed one step at a time in turns (the dev loss's time not counted). Memory: weights, gradients, optimiser moments and the activations kept for backpropagation.</source>
        <translation>隐藏单元 %1，%2 层，窗口 %3，批次 %4，每种 %5 步，轮流逐步计时（不计开发集损失的时间）。内存：权重、梯度、优化器的矩，以及为反向传播保存的激活。</translation>
    </message>
    <message>
        <source>Labelling strategies</source>
        <translation>标注策略</translation>
    </message>
    <message>
        <source>test accuracy against labels used</source>
        <translation>测试准确率随所用标签数的变化</translation>
    </message>
    <message>
        <source>labels used</source>
        <translation>所用标签数</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>labels bought against labels used</source>
        <translation>购买的标签数随所用标签数的变化</translation>
    </message>
    <message>
        <source>labels bought</source>
        <translation>购买的标签数</translation>
    </message>
    <message>
        <source>strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>spread (sd)</source>
        <translation>离散程度（标准差）</translation>
    </message>
    <message>
        <source>label accuracy</source>
        <translation>标签准确率</translation>
    </message>
    <message>
        <source>%1 added, %2 % right</source>
        <translation>加入 %1 个，%2 % 正确</translation>
    </message>
    <message>
        <source>%1 % covered, %2 % right; seed alone %3</source>
        <translation>覆盖 %1 %，%2 % 正确；仅种子集 %3</translation>
    </message>
    <message>
        <source>Fashion-MNIST with its labels hidden: a pool of %1 images, %2 labelled a class to start, %3 rounds of %4 labels, %5 test images; %6</source>
        <translation>隐藏了标签的 Fashion-MNIST：池中 %1 张图像，开始时每类 %2 张有标签，%3 轮、每轮 %4 个标签，%5 张测试图像；%6</translation>
    </message>
    <message>
        <source>the mean of %1 seeds.</source>
        <translation>%1 个种子的平均。</translation>
    </message>
    <message>
        <source>one seed.</source>
        <translation>一个种子。</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>least-confident</source>
        <translation>最不确定</translation>
    </message>
    <message>
        <source>margin</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>熵</translation>
    </message>
    <message>
        <source>committee</source>
        <translation>委员会</translation>
    </message>
    <message>
        <source>self-training</source>
        <translation>自训练</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>弱规则</translation>
    </message>
    <message>
        <source>none: α₀</source>
        <translation>不衰减：α₀</translation>
    </message>
    <message>
        <source>inverse-time: α₀/(1 + %1·e)</source>
        <translation>反时限：α₀/(1 + %1·e)</translation>
    </message>
    <message>
        <source>exponential: α₀·%1^e</source>
        <translation>指数：α₀·%1^e</translation>
    </message>
    <message>
        <source>fixed interval: α₀/(1 + %1·⌊e/%2⌋)</source>
        <translation>固定间隔：α₀/(1 + %1·⌊e/%2⌋)</translation>
    </message>
    <message>
        <source>inverse-sqrt: α₀·%1/√(e+1)</source>
        <translation>反平方根：α₀·%1/√(e+1)</translation>
    </message>
    <message>
        <source>staircase: α₀·%1^⌊e/%2⌋</source>
        <translation>台阶：α₀·%1^⌊e/%2⌋</translation>
    </message>
    <message>
        <source>Learning-rate schedules: α against the epoch</source>
        <translation>学习率调度：α 随轮次的变化</translation>
    </message>
    <message>
        <source>mean mini-batch cost per epoch</source>
        <translation>每轮的平均小批量代价</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>α the trainer used (before training: the formula)</source>
        <translation>训练器使用的 α（训练前：公式）</translation>
    </message>
    <message>
        <source>Press Run to train once per schedule from the same initial weights and batch order.</source>
        <translation>按“运行”：每种调度都从相同的初始权重和批次顺序训练一次。</translation>
    </message>
    <message>
        <source>α the trainer used, per epoch</source>
        <translation>训练器每轮使用的 α</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>α at the last epoch</source>
        <translation>最后一轮的 α</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>dev accuracy</source>
        <translation>开发集准确率</translation>
    </message>
    <message>
        <source>final cost</source>
        <translation>最终代价</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>Each schedule trains %1 epochs of %2 from α₀ = %3 (batch %4) from the same initial weights and batch order. The lower plot is the α each step used, read from the trainer, not the formula: a large α early covers ground, a small α late lets the mini-batch noise settle near the minimum.</source>
        <translation>每种调度用 %2 训练 %1 轮，α₀ = %3（批次 %4），都从相同的初始权重和批次顺序出发。下图是每一步实际使用的 α，读自训练器而非公式：早期大的 α 走得远，后期小的 α 让小批量噪声在最小值附近平静下来。</translation>
    </message>
    <message>
        <source>α range test</source>
        <translation>α 范围测试</translation>
    </message>
    <message>
        <source>loss as α grows (one step per α)</source>
        <translation>α 增大时的损失（每个 α 一步）</translation>
    </message>
    <message>
        <source>α (log scale)</source>
        <translation>α（对数刻度）</translation>
    </message>
    <message>
        <source>mini-batch loss</source>
        <translation>小批量损失</translation>
    </message>
    <message>
        <source>smoothed loss</source>
        <translation>平滑后的损失</translation>
    </message>
    <message>
        <source>suggested α = %1</source>
        <translation>建议的 α = %1</translation>
    </message>
    <message>
        <source>suggested α (steepest fall)</source>
        <translation>建议的 α（下降最陡处）</translation>
    </message>
    <message>
        <source>α at the lowest loss</source>
        <translation>损失最低处的 α</translation>
    </message>
    <message>
        <source>lowest loss / 10 rule</source>
        <translation>最低损失 / 10 规则</translation>
    </message>
    <message>
        <source>steps run</source>
        <translation>已运行步数</translation>
    </message>
    <message>
        <source>α grows exponentially from %1 to %2 over %3 mini-batches of %4 (Smith 2017). Too small: the loss barely moves; too large: it blows up%5. Train at the α where it falls fastest, about a tenth of where it is lowest.</source>
        <translation>α 在 %4 的 %3 个小批量中从 %1 指数增长到 %2（Smith 2017）。太小：损失几乎不动；太大：损失爆炸%5。请用损失下降最快处的 α 训练，大约是损失最低处的十分之一。</translation>
    </message>
    <message>
        <source> (the run stopped there)</source>
        <translation>（运行在那里停止）</translation>
    </message>
    <message>
        <source>share of the layer</source>
        <translation>占该层的比例</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>layer %1 (%2 % zeros)</source>
        <translation>第 %1 层（%2 % 为零）</translation>
    </message>
    <message>
        <source>Initialisation in depth</source>
        <translation>深层网络的初始化</translation>
    </message>
    <message>
        <source>activations at step 0</source>
        <translation>第 0 步的激活</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>std of the activations</source>
        <translation>激活的标准差</translation>
    </message>
    <message>
        <source>weight gradients at step 0</source>
        <translation>第 0 步的权重梯度</translation>
    </message>
    <message>
        <source>std of dL/dW</source>
        <translation>dL/dW 的标准差</translation>
    </message>
    <message>
        <source>activations after training (dashed: now)</source>
        <translation>训练后的激活（虚线：当前）</translation>
    </message>
    <message>
        <source>weight gradients after training (dashed: now)</source>
        <translation>训练后的权重梯度（虚线：当前）</translation>
    </message>
    <message>
        <source>initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>cost at step 0</source>
        <translation>第 0 步的代价</translation>
    </message>
    <message>
        <source>cost after</source>
        <translation>训练后的代价</translation>
    </message>
    <message>
        <source>activation std, layer 1 → last (step 0)</source>
        <translation>激活标准差，第 1 层 → 最后一层（第 0 步）</translation>
    </message>
    <message>
        <source>histogram of the activations per layer</source>
        <translation>每层激活的直方图</translation>
    </message>
    <message>
        <source>histogram of dL/dW per layer</source>
        <translation>每层 dL/dW 的直方图</translation>
    </message>
    <message>
        <source>%1 (now)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <source>activations per layer: %1</source>
        <translation>每层的激活：%1</translation>
    </message>
    <message>
        <source>dL/dW per layer: %1</source>
        <translation>每层的 dL/dW：%1</translation>
    </message>
    <message>
        <source>%1, step %2</source>
        <translation>%1，第 %2 步</translation>
    </message>
    <message>
        <source>%1 hidden layers of %2 %3 units%4 on %5, all trained on, %6 steps of %7 (α %8, batch %9) per initialisation from the same seed. Zeros: every unit the same, nothing to learn; ×0.01: the activations and gradients vanish layer after layer; ×10: they explode; He keeps ReLU activations about level (Xavier, made for tanh, halves their variance a layer).</source>
        <translation>%1 个隐藏层，每层 %2 个 %3 单元%4，数据为 %5，全部参与训练，每种初始化用同一种子做 %7 的 %6 步（α %8，批次 %9）。全零：每个单元都一样，无从学习；×0.01：激活和梯度逐层消失；×10：它们爆炸；He 让 ReLU 的激活大致保持平稳（为 tanh 设计的 Xavier 每层把方差减半）。</translation>
    </message>
    <message>
        <source>%1 hidden layers of %2 %3 units%4 on %5, all trained on, %6 steps of %7 (α %8, batch %9) per initialisation from the same seed. Batch norm rescales every layer's pre-activations: the spreads stay level whatever the scale of the weights, and only zeros (every unit the same) is left with nothing to learn.</source>
        <translation>%1 个隐藏层，每层 %2 个 %3 单元%4，数据为 %5，全部参与训练，每种初始化用同一种子做 %7 的 %6 步（α %8，批次 %9）。批归一化重新缩放每层的激活前输入：无论权重尺度如何，分布宽度都保持平稳，只有全零（每个单元都一样）仍然无从学习。</translation>
    </message>
    <message>
        <source> with batch norm</source>
        <translation>，带批归一化</translation>
    </message>
    <message>
        <source>%1 (%2 points)</source>
        <translation>%1（%2 个点）</translation>
    </message>
    <message>
        <source>Fashion-MNIST (its first %1 test images, %2 pixels each, 10 classes)</source>
        <translation>Fashion-MNIST（前 %1 张测试图像，每张 %2 个像素，10 个类别）</translation>
    </message>
    <message>
        <source>no regularisation</source>
        <translation>不正则化</translation>
    </message>
    <message>
        <source>dropout, keep_prob = %1</source>
        <translation>dropout，keep_prob = %1</translation>
    </message>
    <message>
        <source>Regularisation: the same over-fitting network three ways</source>
        <translation>正则化：同一个过拟合的网络，三种做法</translation>
    </message>
    <message>
        <source>train (solid) and dev (dashed) accuracy</source>
        <translation>训练（实线）与开发（虚线）准确率</translation>
    </message>
    <message>
        <source>accuracy %</source>
        <translation>准确率 %</translation>
    </message>
    <message>
        <source>the weights' norm ‖W‖</source>
        <translation>权重的范数 ‖W‖</translation>
    </message>
    <message>
        <source>‖W‖ (Frobenius)</source>
        <translation>‖W‖（Frobenius）</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>train − dev</source>
        <translation>训练 − 开发</translation>
    </message>
    <message>
        <source>%1: train</source>
        <translation>%1：训练</translation>
    </message>
    <message>
        <source>%1: dev</source>
        <translation>%1：开发</translation>
    </message>
    <message>
        <source>%1 %2 points (noise %3), half held out as dev; hidden layers of %4 units; %5 steps of GD at α %6 from the same weights. Unregularised, the boundary bends round single noisy points: train accuracy climbs, dev does not follow. L2 (COURSE.md §3: J + λ/2m·Σ‖W‖²) keeps ‖W‖ small and the boundary smooth; dropout trains thinned networks, so no unit can rely on another.</source>
        <translation>%1 个 %2 数据点（噪声 %3），一半留作开发集；隐藏层每层 %4 个单元；从相同权重出发，以 α %6 做 %5 步梯度下降。不加正则化时，边界绕着单个噪声点弯曲：训练准确率上升，开发集却跟不上。L2（COURSE.md §3：J + λ/2m·Σ‖W‖²）让 ‖W‖ 保持小、边界保持平滑；dropout 训练的是被稀疏化的网络，因此任何单元都不能依赖另一个单元。</translation>
    </message>
    <message>
        <source>learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>β (momentum, RMSprop)</source>
        <translation>β（动量、RMSprop）</translation>
    </message>
    <message>
        <source>dropout keep_prob</source>
        <translation>dropout keep_prob</translation>
    </message>
    <message>
        <source>units of the first hidden layer</source>
        <translation>第一个隐藏层的单元数</translation>
    </message>
    <message>
        <source>hidden units (one layer)</source>
        <translation>隐藏单元（一层）</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>mini-batch size</source>
        <translation>小批量大小</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Course: planar flower, 2-4-1 tanh</source>
        <translation>课程：平面花形数据，2-4-1 tanh</translation>
    </message>
    <message>
        <source>Course: logistic regression on the flower</source>
        <translation>课程：花形数据上的逻辑回归</translation>
    </message>
    <message>
        <source>Course: moons, mini-batch GD</source>
        <translation>课程：月牙数据，小批量梯度下降</translation>
    </message>
    <message>
        <source>Course: moons, Adam</source>
        <translation>课程：月牙数据，Adam</translation>
    </message>
    <message>
        <source>Initialisation: zeros</source>
        <translation>初始化：全零</translation>
    </message>
    <message>
        <source>Initialisation: He</source>
        <translation>初始化：He</translation>
    </message>
    <message>
        <source>Regularisation: L2 on noisy moons</source>
        <translation>正则化：带噪声月牙数据上的 L2</translation>
    </message>
    <message>
        <source>Softmax: three-arm spiral</source>
        <translation>Softmax：三臂螺旋</translation>
    </message>
    <message>
        <source>Playground model</source>
        <translation>游乐场模型</translation>
    </message>
    <message>
        <source>Images lab model</source>
        <translation>图像实验室模型</translation>
    </message>
    <message>
        <source>Sequence lab model</source>
        <translation>序列模型实验室模型</translation>
    </message>
</context>
<context>
    <name>dl::Decay</name>
    <message>
        <source>no decay</source>
        <translation>不衰减</translation>
    </message>
    <message>
        <source>inverse-time</source>
        <translation>反时限</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>inverse-sqrt</source>
        <translation>反平方根</translation>
    </message>
    <message>
        <source>staircase</source>
        <translation>台阶</translation>
    </message>
</context>
<context>
    <name>lab::AskTab</name>
    <message>
        <source>Open picture folder…</source>
        <translation>打开图片文件夹…</translation>
    </message>
    <message>
        <source>coat, sneaker, bag</source>
        <translation>外套, 运动鞋, 包</translation>
    </message>
    <message>
        <source>The classes to sort the pictures into, separated by commas (2 to 9: the keys 1–9 answer)</source>
        <translation>要把图片分成的类别，用逗号分隔（2 到 9 个：按键 1–9 作答）</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Save labels…</source>
        <translation>保存标签…</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>ask by</source>
        <translation>提问依据</translation>
    </message>
    <message>
        <source>Open a folder of pictures without labels, name the classes, and answer what the lab asks.</source>
        <translation>打开一个没有标签的图片文件夹，给类别命名，然后回答实验室提出的问题。</translation>
    </message>
    <message>
        <source>A folder of pictures to label</source>
        <translation>要标注的图片文件夹</translation>
    </message>
    <message>
        <source>Save the labels</source>
        <translation>保存标签</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n labels to %1.</source>
        <translation>
            <numerusform>已将 %n 个标签保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Name 2 to 9 classes, separated by commas (e.g. coat, sneaker, bag).</source>
        <translation>请命名 2 到 9 个类别，用逗号分隔（例如 外套, 运动鞋, 包）。</translation>
    </message>
    <message>
        <source>the model says %1</source>
        <translation>模型认为是 %1</translation>
    </message>
    <message>
        <source>Every picture is labelled; save the labels.</source>
        <translation>每张图片都已标注；请保存标签。</translation>
    </message>
    <message>
        <source>Which class is the framed picture? Click it or press 1–%1 (space skips).</source>
        <translation>框中的图片属于哪一类？点击它或按 1–%1（空格跳过）。</translation>
    </message>
    <message>
        <source>%1 of %2 pictures labelled (%3).</source>
        <translation>已标注 %1 / %2 张图片（%3）。</translation>
    </message>
    <message>
        <source>The model guessed %1 of your last %2 answers.</source>
        <translation>在你最近的 %2 个回答中，模型猜中了 %1 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n files were no pictures.</source>
        <translation>
            <numerusform>有 %n 个文件不是图片。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every picture is labelled.</source>
        <translation>每张图片都已标注。</translation>
    </message>
</context>
<context>
    <name>lab::AskWorker</name>
    <message>
        <source>Reading the pictures of %1…</source>
        <translation>正在读取 %1 中的图片…</translation>
    </message>
    <message>
        <source>Training on your answers…</source>
        <translation>正在用你的回答训练…</translation>
    </message>
</context>
<context>
    <name>lab::AugmentationDialog</name>
    <message>
        <source>Data augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>&lt;b&gt;Transformation&lt;/b&gt;</source>
        <translation>&lt;b&gt;变换&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Probability&lt;/b&gt;</source>
        <translation>&lt;b&gt;概率&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Strength&lt;/b&gt;</source>
        <translation>&lt;b&gt;强度&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Each row: an original training image, then augmented versions. Applied to training batches only, never to dev or test images; saved with the model.</source>
        <translation>每行：一张原始训练图像，然后是它的增强版本。只用于训练批次，从不用于开发集或测试集图像；随模型一起保存。</translation>
    </message>
    <message>
        <source>The preview appears once the data is loaded.</source>
        <translation>数据载入后显示预览。</translation>
    </message>
    <message>
        <source>Re-roll</source>
        <translation>重新抽样</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
</context>
<context>
    <name>lab::CharProbeView</name>
    <message>
        <source>Type a text above and press Read: the model reads it here.</source>
        <translation>在上面输入一段文字并按“读取”：模型在这里读它。</translation>
    </message>
</context>
<context>
    <name>lab::CleanTab</name>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>malformed row</source>
        <translation>格式错误的行</translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation>类型错误</translation>
    </message>
    <message>
        <source>invalid date</source>
        <translation>无效日期</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>breaks the pattern</source>
        <translation>不符合模式</translation>
    </message>
    <message>
        <source>not an allowed category</source>
        <translation>不是允许的类别</translation>
    </message>
    <message>
        <source>duplicate row</source>
        <translation>重复行</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>drop the row</source>
        <translation>删除该行</translation>
    </message>
    <message>
        <source>clip into the range</source>
        <translation>截断到范围内</translation>
    </message>
    <message>
        <source>the column's mean</source>
        <translation>该列的均值</translation>
    </message>
    <message>
        <source>the column's median</source>
        <translation>该列的中位数</translation>
    </message>
    <message>
        <source>the most frequent value</source>
        <translation>出现最多的值</translation>
    </message>
    <message>
        <source>cast to the type</source>
        <translation>转换为该类型</translation>
    </message>
    <message>
        <source>Open table…</source>
        <translation>打开表格…</translation>
    </message>
    <message>
        <source>Save cleaned copy…</source>
        <translation>保存清洗后的副本…</translation>
    </message>
    <message>
        <source>Open a CSV table with a header line (any number of columns).</source>
        <translation>打开一个带表头行的 CSV 表格（列数不限）。</translation>
    </message>
    <message>
        <source>Numbers whose modified z-score |0.6745 (x − median) / MAD| is above this are out of range, unless the column has a range set (Iglewicz &amp; Hoaglin 1993); 0: off</source>
        <translation>修正 z 分数 |0.6745 (x − 中位数) / MAD| 超过此值的数视为超出范围，除非该列设置了范围（Iglewicz &amp; Hoaglin 1993）；0：关闭</translation>
    </message>
    <message>
        <source>robust z limit</source>
        <translation>稳健 z 上限</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>distinct</source>
        <translation>不同值</translation>
    </message>
    <message>
        <source>min · median · max</source>
        <translation>最小 · 中位数 · 最大</translation>
    </message>
    <message>
        <source>range (lo:hi)</source>
        <translation>范围 (lo:hi)</translation>
    </message>
    <message>
        <source>pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>categories (a|b)</source>
        <translation>类别 (a|b)</translation>
    </message>
    <message>
        <source>Double-click type, range, pattern or categories to set a rule; an empty range uses the robust z-score</source>
        <translation>双击类型、范围、模式或类别来设置规则；范围留空则使用稳健 z 分数</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>after</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>After the fixes</source>
        <translation>修复之后</translation>
    </message>
    <message>
        <source>Open a table</source>
        <translation>打开表格</translation>
    </message>
    <message>
        <source>CSV tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 表格 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>Saved the cleaned copy, %n rows, to %1; the original is unchanged.</source>
        <translation>
            <numerusform>已将清洗后的副本（%n 行）保存到 %1；原文件未改动。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rows, %2 problems; the fixes drop %3 rows and change %4 values (checked in %5 s).</source>
        <translation>
            <numerusform>%1：%n 行，%2 个问题；修复会删除 %3 行并修改 %4 个值（用时 %5 秒）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n columns</source>
        <translation>
            <numerusform>%n 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows after cleaning</source>
        <translation>
            <numerusform>清洗后 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>由你设置</translation>
    </message>
    <message>
        <source>inferred (80 % of the values)</source>
        <translation>推断得出（80 % 的值）</translation>
    </message>
    <message>
        <source>robust z: %1 to %2</source>
        <translation>稳健 z：%1 到 %2</translation>
    </message>
    <message>
        <source>(row)</source>
        <translation>（整行）</translation>
    </message>
    <message>
        <source>row dropped (%1)</source>
        <translation>已删除该行（%1）</translation>
    </message>
    <message>
        <source>That is the table itself; the original is never changed, so choose a new file.</source>
        <translation>这就是原表格本身；原文件从不改动，请另选一个新文件。</translation>
    </message>
    <message>
        <source>Save the cleaned copy</source>
        <translation>保存清洗后的副本</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
</context>
<context>
    <name>lab::CleanWorker</name>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n rows…</source>
        <translation>
            <numerusform>正在检查 %n 行…</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the pictures of %1…</source>
        <translation>正在读取 %1 中的图片…</translation>
    </message>
    <message>
        <source>Writing the cleaned pictures…</source>
        <translation>正在写出清洗后的图片…</translation>
    </message>
    <message numerus="yes">
        <source>Whitening %n pictures…</source>
        <translation>
            <numerusform>正在白化 %n 张图片…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::CompareDialog</name>
    <message>
        <source>Compare runs</source>
        <translation>比较多次运行</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Comma separated. Optimizers: gd, momentum, rmsprop, adam. Initialisation: zeros, random, xavier, he, large. Batch 0 = full batch.</source>
        <translation>用逗号分隔。优化器：gd、momentum、rmsprop、adam。初始化：zeros、random、xavier、he、large。批大小 0 = 全批量。</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Everything else as in the Playground now: the same points, network, hyperparameters and seed.</source>
        <translation>其余一切都与游乐场当前相同：同样的数据点、网络、超参数和种子。</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>cost J (mini-batch, window mean)</source>
        <translation>代价 J（小批量，窗口均值）</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>%v / %m 次运行</translation>
    </message>
    <message>
        <source>%1%2
train %3 %  dev %4 %</source>
        <translation>%1%2
训练 %3 %  开发 %4 %</translation>
    </message>
    <message>
        <source> (diverged)</source>
        <translation>（发散）</translation>
    </message>
</context>
<context>
    <name>lab::ConfusionMatrixView</name>
    <message>
        <source>Evaluate to see which classes the model confuses (Evaluate on dev / test).</source>
        <translation>评估后可看到模型混淆了哪些类别（在开发集 / 测试集上评估）。</translation>
    </message>
    <message>
        <source>%1 — accuracy %2 %, macro F1 %3</source>
        <translation>%1 — 准确率 %2 %，宏平均 F1 %3</translation>
    </message>
    <message>
        <source>predicted →</source>
        <translation>预测 →</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
</context>
<context>
    <name>lab::ContourView</name>
    <message>
        <source>Click or drag to set where the race starts. Contours: 16 bands of f, each covering a sixteenth of the view (equal areas, not equal steps of f), so flat and steep parts both show.</source>
        <translation>点击或拖动来设置竞赛的起点。等高线：f 的 16 个带，每个覆盖视图的十六分之一（面积相等，而非 f 的步长相等），平坦处和陡峭处都能看清。</translation>
    </message>
    <message>
        <source>contours: 16 equal-area bands</source>
        <translation>等高线：16 个等面积带</translation>
    </message>
</context>
<context>
    <name>lab::CoursePanel</name>
    <message>
        <source>What am I looking at?</source>
        <translation>我在看什么？</translation>
    </message>
    <message>
        <source>This lab has no guide yet: docs/course/%1.en.html would be it (see docs/ADDING_A_LAB.md).</source>
        <translation>这个实验室还没有说明：应当写成 docs/course/%1.en.html（见 docs/ADDING_A_LAB.md）。</translation>
    </message>
</context>
<context>
    <name>lab::DataPage</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Clean a table: missing values, wrong types, invalid dates, outliers by the robust z-score, broken patterns and categories, duplicates; fix them and save a cleaned copy (course chapter 12)</source>
        <translation>清洗表格：缺失值、类型错误、无效日期、按稳健 z 分数判定的离群值、不符合的模式和类别、重复行；修复它们并保存清洗后的副本（课程第 12 章）</translation>
    </message>
    <message>
        <source>Clean a table</source>
        <translation>清洗表格</translation>
    </message>
    <message>
        <source>Clean pictures</source>
        <translation>清洗图片</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>变换</translation>
    </message>
    <message>
        <source>Label smartly</source>
        <translation>智能标注</translation>
    </message>
    <message>
        <source>Label your pictures</source>
        <translation>标注你的图片</translation>
    </message>
    <message>
        <source>--data-rule expects COLUMN:KIND:SPEC, got "%1".</source>
        <translation>--data-rule 需要 COLUMN:KIND:SPEC，收到的是 "%1"。</translation>
    </message>
    <message>
        <source>--data-rule "%1" is not a rule.</source>
        <translation>--data-rule "%1" 不是一条规则。</translation>
    </message>
    <message>
        <source>--data-transform: no numeric column "%1" or no such transformation.</source>
        <translation>--data-transform：没有名为 "%1" 的数值列，或没有这种变换。</translation>
    </message>
    <message>
        <source>--data-table names the table to show.</source>
        <translation>--data-table 指定要显示的表格。</translation>
    </message>
</context>
<context>
    <name>lab::DataPanel</name>
    <message>
        <source>flower: the course's planar data (COURSE.md §2); moons: the optimisation lab's data</source>
        <translation>flower：课程的平面数据（COURSE.md §2）；moons：优化实验室的数据</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian noise added to the points</source>
        <translation>加到数据点上的高斯噪声的标准差</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Share of the points held out as the dev set (hollow points)</source>
        <translation>留作开发集的数据点比例（空心点）</translation>
    </message>
    <message>
        <source>Dev share</source>
        <translation>开发集比例</translation>
    </message>
    <message>
        <source>Number of classes (spiral and blobs); more than two uses softmax</source>
        <translation>类别数（螺旋和团簇）；多于两类时使用 softmax</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>New random points from the same recipe (a new seed)</source>
        <translation>用同一配方生成新的随机点（新的种子）</translation>
    </message>
    <message>
        <source>Class of the points that a left click on the plane adds</source>
        <translation>在平面上左键点击时添加的点的类别</translation>
    </message>
    <message>
        <source>Click adds</source>
        <translation>点击添加</translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation>载入 CSV…</translation>
    </message>
    <message>
        <source>Your own points: rows of x,y,label</source>
        <translation>你自己的点：每行 x,y,label</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>CSV: %1</source>
        <translation>CSV：%1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
</context>
<context>
    <name>lab::DecisionMapView</name>
    <message>
        <source>Left click: add a point of the chosen class. Right click: remove the nearest point.
Filled points: training set. Hollow points: dev set.</source>
        <translation>左键：添加所选类别的点。右键：删除最近的点。
实心点：训练集。空心点：开发集。</translation>
    </message>
</context>
<context>
    <name>lab::DetectionPage</name>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Detection: export annotated photo (PNG)…</source>
        <translation>检测：导出标注后的照片 (PNG)…</translation>
    </message>
    <message>
        <source>Export annotated photo</source>
        <translation>导出标注后的照片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Detection: export detections (JSON)…</source>
        <translation>检测：导出检测结果 (JSON)…</translation>
    </message>
    <message>
        <source>Export detections</source>
        <translation>导出检测结果</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>目标检测</translation>
    </message>
    <message>
        <source>Object detection: YOLO boxes, score and IoU thresholds, grid and anchors, NMS step by step (course chapter 8)</source>
        <translation>目标检测：YOLO 边界框、得分和 IoU 阈值、网格与锚框、逐步非极大值抑制（课程第 8 章）</translation>
    </message>
    <message>
        <source>Detections</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Layer whose output channels are shown (the last photo's forward pass)</source>
        <translation>显示其输出通道的层（最近一张照片的前向传播）</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Detect a photo, then pick a layer.</source>
        <translation>先检测一张照片，再选择一层。</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>output C×H×W</source>
        <translation>输出 C×H×W</translation>
    </message>
    <message>
        <source>ms (last photo)</source>
        <translation>毫秒（最近一张照片）</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>COCO: Yolo-Fastest-1.1-xl</source>
        <translation>COCO：Yolo-Fastest-1.1-xl</translation>
    </message>
    <message>
        <source>COCO, faster: Yolo-Fastest-1.1</source>
        <translation>COCO，更快：Yolo-Fastest-1.1</translation>
    </message>
    <message>
        <source>Faces: face-api tiny face detector</source>
        <translation>人脸：face-api 微型人脸检测器</translation>
    </message>
    <message>
        <source>Open darknet .cfg + .weights…</source>
        <translation>打开 darknet .cfg + .weights…</translation>
    </message>
    <message>
        <source>The detector; all run on this app's own engine</source>
        <translation>检测器；全部在本应用自己的引擎上运行</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Open photo…</source>
        <translation>打开照片…</translation>
    </message>
    <message>
        <source>Bundled sample photos (Debian's darknet package, face-api's demo)</source>
        <translation>自带的示例照片（Debian 的 darknet 包、face-api 的演示）</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Keep boxes whose score = objectness × class probability is at least this</source>
        <translation>保留得分 = 目标置信度 × 类别概率 不低于此值的框</translation>
    </message>
    <message>
        <source>Score ≥</source>
        <translation>得分 ≥</translation>
    </message>
    <message>
        <source>NMS removes a box whose IoU with a better box is above this</source>
        <translation>若一个框与更好的框的 IoU 高于此值，NMS 就删去它</translation>
    </message>
    <message>
        <source>NMS IoU &gt;</source>
        <translation>NMS IoU &gt;</translation>
    </message>
    <message>
        <source>NMS per class (darknet); off: across classes</source>
        <translation>按类别做 NMS（darknet）；关闭：跨类别</translation>
    </message>
    <message>
        <source>Show all candidates before NMS (faded)</source>
        <translation>显示 NMS 之前的全部候选框（淡色）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Draw a YOLO head's grid; click a cell to see its anchor boxes</source>
        <translation>画出 YOLO 输出头的网格；点击一个单元格查看它的锚框</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>Step NMS ▶</source>
        <translation>单步 NMS ▶</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Replay non-max suppression one removal at a time, with the IoU that removed each box</source>
        <translation>一次删除一个框地重放非极大值抑制，并显示删去每个框的 IoU</translation>
    </message>
    <message>
        <source>NMS</source>
        <translation>NMS</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>box x, y, w, h (px)</source>
        <translation>框 x, y, w, h（像素）</translation>
    </message>
    <message>
        <source>darknet cfg</source>
        <translation>darknet cfg</translation>
    </message>
    <message>
        <source>darknet cfg (*.cfg);;All files (*)</source>
        <translation>darknet cfg (*.cfg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>darknet weights for %1</source>
        <translation>%1 的 darknet 权重</translation>
    </message>
    <message>
        <source>darknet weights (*.weights);;All files (*)</source>
        <translation>darknet 权重 (*.weights);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;All files (*)</source>
        <translation>图像 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Samples…</source>
        <translation>示例…</translation>
    </message>
    <message>
        <source>faces: %1</source>
        <translation>人脸：%1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Detecting in %1…</source>
        <translation>正在检测 %1…</translation>
    </message>
    <message>
        <source>%1: input %2×%3 (%4), %5 layers.</source>
        <translation>%1：输入 %2×%3（%4），%5 层。</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <source>Head %1: %2×%3 cells, %4 anchors</source>
        <translation>输出头 %1：%2×%3 个单元格，%4 个锚框</translation>
    </message>
    <message>
        <source>%1, %2×%3: network %4 ms (forward %5 ms), %6 candidates ≥ %7.</source>
        <translation>%1，%2×%3：网络 %4 毫秒（前向 %5 毫秒），%6 个候选框 ≥ %7。</translation>
    </message>
    <message>
        <source>%1 detections</source>
        <translation>%1 个检测结果</translation>
    </message>
    <message>
        <source>%1 candidates</source>
        <translation>%1 个候选框</translation>
    </message>
    <message>
        <source>forward %1 ms</source>
        <translation>前向 %1 毫秒</translation>
    </message>
    <message>
        <source>Nothing to export yet: detect a photo first.</source>
        <translation>还没有可导出的内容：请先检测一张照片。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Saved %1 (%2 detections).</source>
        <translation>已保存 %1（%2 个检测结果）。</translation>
    </message>
</context>
<context>
    <name>lab::DetectionView</name>
    <message>
        <source>Drop a photo here, or use Open photo… / a sample.</source>
        <translation>把照片拖到这里，或使用“打开照片…”/ 示例。</translation>
    </message>
</context>
<context>
    <name>lab::DetectionWorker</name>
    <message>
        <source>plain resize</source>
        <translation>直接缩放</translation>
    </message>
    <message>
        <source>letterbox</source>
        <translation>信箱式缩放</translation>
    </message>
    <message>
        <source>pad to square</source>
        <translation>补成正方形</translation>
    </message>
    <message>
        <source>No model is open; pick one from the model list.</source>
        <translation>没有打开的模型；请从模型列表中选一个。</translation>
    </message>
    <message>
        <source>Layer %1: %2 (first %3 of %4 channels)</source>
        <translation>第 %1 层：%2（%4 个通道中的前 %3 个）</translation>
    </message>
</context>
<context>
    <name>lab::DistributionPlot</name>
    <message>
        <source>share %</source>
        <translation>比例 %</translation>
    </message>
</context>
<context>
    <name>lab::DynamicsPage</name>
    <message>
        <source>Save comparison…</source>
        <translation>保存比较…</translation>
    </message>
    <message>
        <source>The tab shown — race, study or search — as one file: its settings and its numbers. dlcli replay FILE runs it again and checks the numbers.</source>
        <translation>当前显示的选项卡——竞赛、研究或搜索——保存为一个文件：它的设置和它的数字。dlcli replay FILE 会重新运行并核对这些数字。</translation>
    </message>
    <message>
        <source>Save the comparison</source>
        <translation>保存比较</translation>
    </message>
    <message>
        <source>Comparisons (*.json)</source>
        <translation>比较 (*.json)</translation>
    </message>
    <message>
        <source>Tick at least one optimiser to race.</source>
        <translation>请至少勾选一个参加竞赛的优化器。</translation>
    </message>
    <message>
        <source>Nothing to save yet: %1</source>
        <translation>还没有可保存的内容：%1</translation>
    </message>
    <message>
        <source>Could not save the comparison: %1</source>
        <translation>无法保存比较：%1</translation>
    </message>
    <message>
        <source>Saved %1 (dlcli %2 and its numbers); dlcli replay %1 runs it again and checks them.</source>
        <translation>已保存 %1（dlcli %2 及其数字）；dlcli replay %1 会重新运行并核对它们。</translation>
    </message>
    <message>
        <source>Dynamics</source>
        <translation>训练动态</translation>
    </message>
    <message>
        <source>Training dynamics: optimisers racing on a loss surface (course chapter 4)</source>
        <translation>训练动态：优化器在损失曲面上竞赛（课程第 4 章）</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>f − f(minimum), log scale</source>
        <translation>f − f(最小值)，对数刻度</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>loss f</source>
        <translation>损失 f</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Optimiser race</source>
        <translation>优化器竞赛</translation>
    </message>
    <message>
        <source>Initialisation in depth</source>
        <translation>深层网络的初始化</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Learning-rate schedules</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>α range test</source>
        <translation>α 范围测试</translation>
    </message>
    <message>
        <source>Random search</source>
        <translation>随机搜索</translation>
    </message>
    <message>
        <source>α₀ of the schedules set to the range test's suggestion, %1.</source>
        <translation>调度的 α₀ 已设为范围测试的建议值 %1。</translation>
    </message>
    <message>
        <source>Optimisers and their α (live)</source>
        <translation>优化器及其 α（实时）</translation>
    </message>
    <message>
        <source>GD</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Learning rate α of %1</source>
        <translation>%1 的学习率 α</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>long narrow valley ½(x² + κy²)</source>
        <translation>狭长山谷 ½(x² + κy²)</translation>
    </message>
    <message>
        <source>Rosenbrock</source>
        <translation>Rosenbrock</translation>
    </message>
    <message>
        <source>saddle</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <source>Beale</source>
        <translation>Beale</translation>
    </message>
    <message>
        <source>plateau</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Rastrigin (local minima)</source>
        <translation>Rastrigin（局部极小值）</translation>
    </message>
    <message>
        <source>logistic regression on Fashion-MNIST (w, b)</source>
        <translation>Fashion-MNIST 上的逻辑回归 (w, b)</translation>
    </message>
    <message>
        <source>The valley's condition number: its curvature across over its curvature along.</source>
        <translation>山谷的条件数：横向曲率与纵向曲率之比。</translation>
    </message>
    <message>
        <source>Where every optimiser starts, x,y; or click the map.</source>
        <translation>每个优化器的起点 x,y；或点击地图。</translation>
    </message>
    <message>
        <source>surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>condition number κ</source>
        <translation>条件数 κ</translation>
    </message>
    <message>
        <source>start x,y</source>
        <translation>起点 x,y</translation>
    </message>
    <message>
        <source>The rest (live)</source>
        <translation>其余（实时）</translation>
    </message>
    <message>
        <source>Momentum: v = βv + (1 − β)dW</source>
        <translation>动量：v = βv + (1 − β)dW</translation>
    </message>
    <message>
        <source>Adam's first moment</source>
        <translation>Adam 的一阶矩</translation>
    </message>
    <message>
        <source>RMSprop's and Adam's second moment: s = β₂s + (1 − β₂)dW²</source>
        <translation>RMSprop 和 Adam 的二阶矩：s = β₂s + (1 − β₂)dW²</translation>
    </message>
    <message>
        <source>ε under the square root's division</source>
        <translation>平方根除法中的 ε</translation>
    </message>
    <message>
        <source>AdamW's decoupled weight decay λ: W −= αλW beside the Adam step (it pulls toward the origin, so AdamW's minimum is not f's)</source>
        <translation>AdamW 的解耦权重衰减 λ：在 Adam 步之外 W −= αλW（它把点拉向原点，所以 AdamW 的最小值不是 f 的最小值）</translation>
    </message>
    <message>
        <source>Gradient noise σ per coordinate, as a mini-batch's: a fixed α then wanders near the minimum instead of settling</source>
        <translation>每个坐标上的梯度噪声 σ，如同小批量的噪声：固定的 α 会在最小值附近徘徊而不收敛</translation>
    </message>
    <message>
        <source>momentum β</source>
        <translation>动量 β</translation>
    </message>
    <message>
        <source>Adam β₁</source>
        <translation>Adam β₁</translation>
    </message>
    <message>
        <source>β₂</source>
        <translation>β₂</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>AdamW λ</source>
        <translation>AdamW λ</translation>
    </message>
    <message>
        <source>gradient noise σ</source>
        <translation>梯度噪声 σ</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> 步/秒</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>state as arrows (v; 1/√s per axis)</source>
        <translation>状态显示为箭头（v；每个轴的 1/√s）</translation>
    </message>
    <message>
        <source>Solid: where the velocity v carries each point (Momentum, Adam). Dashed: how far a step stretches along x and along y (RMSprop, Adam: 1/√s per axis).</source>
        <translation>实线：速度 v 把每个点带向何处（动量、Adam）。虚线：一步在 x 和 y 方向上被拉伸多少（RMSprop、Adam：每个轴的 1/√s）。</translation>
    </message>
    <message>
        <source>Cannot show this surface: %1</source>
        <translation>无法显示这个曲面：%1</translation>
    </message>
    <message>
        <source>Start "%1" is not a point: write two numbers separated by a comma, like -1.5,2.</source>
        <translation>起点 "%1" 不是一个点：请写两个用逗号分隔的数，例如 -1.5,2。</translation>
    </message>
    <message>
        <source>left the plane</source>
        <translation>离开了平面</translation>
    </message>
    <message>
        <source>iteration %1</source>
        <translation>第 %1 次迭代</translation>
    </message>
    <message>
        <source>lowest now: %1</source>
        <translation>当前最低：%1</translation>
    </message>
</context>
<context>
    <name>lab::DynamicsWorker</name>
    <message>
        <source>No race to run: choose at least one optimiser.</source>
        <translation>没有可运行的竞赛：请至少选择一个优化器。</translation>
    </message>
    <message>
        <source>The race has run its %1 iterations: Reset starts it again, or raise the limit.</source>
        <translation>竞赛已跑完 %1 次迭代：“重置”重新开始，或提高上限。</translation>
    </message>
</context>
<context>
    <name>lab::EpochCurveView</name>
    <message>
        <source>train accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>dev accuracy</source>
        <translation>开发集准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
</context>
<context>
    <name>lab::FacesDistancesTab</name>
    <message>
        <source>Add photos on the Photos tab: the distance of every pair of their faces shows here.</source>
        <translation>在“照片”选项卡上添加照片：它们中每一对人脸的距离显示在这里。</translation>
    </message>
    <message>
        <source>same person</source>
        <translation>同一人</translation>
    </message>
    <message>
        <source>different people</source>
        <translation>不同的人</translation>
    </message>
    <message>
        <source>distance ‖f(A) − f(B)‖</source>
        <translation>距离 ‖f(A) − f(B)‖</translation>
    </message>
    <message>
        <source>share of pairs %</source>
        <translation>配对比例 %</translation>
    </message>
    <message>
        <source>false accept (different people, d ≤ τ)</source>
        <translation>误接受（不同的人，d ≤ τ）</translation>
    </message>
    <message>
        <source>false reject (same person, d &gt; τ)</source>
        <translation>误拒绝（同一人，d &gt; τ）</translation>
    </message>
    <message>
        <source>threshold τ</source>
        <translation>阈值 τ</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Name faces (or open a database): their encodings are drawn here, one colour a person.</source>
        <translation>给人脸命名（或打开数据库）：它们的编码画在这里，每人一种颜色。</translation>
    </message>
    <message numerus="yes">
        <source>The distance of every pair of the %n face(s) in the lab (dark: near); a dot: d ≤ τ, the same person for the verifier. Click a cell to verify that pair.</source>
        <translation>
            <numerusform>实验室中 %n 张人脸两两之间的距离（深色：近）；圆点：d ≤ τ，验证器认为是同一人。点击单元格以验证这一对。</numerusform>
        </translation>
    </message>
    <message>
        <source>not in the database</source>
        <translation>不在数据库中</translation>
    </message>
    <message numerus="yes">
        <source>PCA of %n encoding(s): %1 % + %2 % of the variance</source>
        <translation>
            <numerusform>%n 个编码的 PCA：方差的 %1 % + %2 %</numerusform>
        </translation>
    </message>
    <message>
        <source>τ %1</source>
        <translation>τ %1</translation>
    </message>
    <message>
        <source>The error rates need labels: name faces on the Photos tab (two or more of one person for the same-person pairs) or open a database.</source>
        <translation>错误率需要标签：在“照片”选项卡上给人脸命名（同一人至少两张才有同一人配对），或打开数据库。</translation>
    </message>
    <message>
        <source>%1 % of the %2 different-person pairs would be accepted as one person (false accepts)</source>
        <translation>%2 对不同的人中有 %1 % 会被当作同一人接受（误接受）</translation>
    </message>
    <message>
        <source>no different-person pairs yet (name a second person)</source>
        <translation>还没有不同人的配对（请命名第二个人）</translation>
    </message>
    <message>
        <source>%1 % of the %2 same-person pairs rejected (false rejects)</source>
        <translation>%2 对同一人中有 %1 % 被拒绝（误拒绝）</translation>
    </message>
    <message>
        <source>no same-person pairs yet (name two faces of one person)</source>
        <translation>还没有同一人的配对（请给同一人的两张脸命名）</translation>
    </message>
    <message>
        <source>At τ = %1: %2; %3.</source>
        <translation>τ = %1 时：%2；%3。</translation>
    </message>
</context>
<context>
    <name>lab::FacesPage</name>
    <message>
        <source>Faces</source>
        <translation>人脸</translation>
    </message>
    <message>
        <source>Face verification with 128-D encodings: landmarks, the aligned crop, the distance against τ (course chapter 9)</source>
        <translation>用 128 维编码做人脸验证：特征点、对齐后的裁剪、与 τ 比较的距离（课程第 9 章）</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Demo photos</source>
        <translation>演示照片</translation>
    </message>
    <message>
        <source>face-api's six demo photos (models/face-api, filled by scripts/setup.sh)</source>
        <translation>face-api 的六张演示照片（models/face-api，由 scripts/setup.sh 填充）</translation>
    </message>
    <message>
        <source>tiny (416², fast)</source>
        <translation>微型（416²，快）</translation>
    </message>
    <message>
        <source>SSD MobileNet (512², more)</source>
        <translation>SSD MobileNet（512²，更多）</translation>
    </message>
    <message>
        <source>The face detector for the photos you add next (face-api's two): the tiny one is a YOLO-style grid of 13 × 13 cells, SSD predicts from six feature maps, 5 118 anchor boxes (course chapter 8). The photos already here keep their faces.</source>
        <translation>为接下来添加的照片选择人脸检测器（face-api 的两种）：微型检测器是 13 × 13 单元格的 YOLO 式网格，SSD 从六张特征图预测，共 5 118 个锚框（课程第 8 章）。已在这里的照片保留它们的人脸。</translation>
    </message>
    <message>
        <source>Face detector</source>
        <translation>人脸检测器</translation>
    </message>
    <message>
        <source>Verification (1:1): is A the same person as B?</source>
        <translation>验证 (1:1)：A 和 B 是同一个人吗？</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>no face yet</source>
        <translation>还没有人脸</translation>
    </message>
    <message>
        <source>τ: the same person when the distance is at most τ. 0.6 is this model's (dlib's and face-api's); the course's 0.7 is for its own normalised encodings.</source>
        <translation>τ：距离不超过 τ 时判为同一人。0.6 是这个模型的阈值（dlib 和 face-api 的）；课程的 0.7 对应它自己的归一化编码。</translation>
    </message>
    <message>
        <source>Face A</source>
        <translation>人脸 A</translation>
    </message>
    <message>
        <source>Face B</source>
        <translation>人脸 B</translation>
    </message>
    <message>
        <source>their 128 numbers (blue &lt; 0 &lt; red, one scale for both)</source>
        <translation>它们的 128 个数（蓝 &lt; 0 &lt; 红，两者同一色标）</translation>
    </message>
    <message>
        <source>Photos: verification and recognition</source>
        <translation>照片：验证与识别</translation>
    </message>
    <message>
        <source>Distances at a glance</source>
        <translation>距离一览</translation>
    </message>
    <message>
        <source>Triplet loss, trained live</source>
        <translation>三元组损失，实时训练</translation>
    </message>
    <message>
        <source>Photos of people</source>
        <translation>人物照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>face-api's demo photos are missing from %1: %2</source>
        <translation>face-api 的演示照片不在 %1 中：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n face(s)</source>
        <translation>
            <numerusform>%1 — %n 张人脸</numerusform>
        </translation>
    </message>
    <message>
        <source>faces found by the %1 in %2 ms</source>
        <translation>%1 在 %2 毫秒内找到的人脸</translation>
    </message>
    <message>
        <source>%1: no face found.</source>
        <translation>%1：没有找到人脸。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n face(s) in %2 ms (%3).</source>
        <translation>
            <numerusform>%1：%2 毫秒内找到 %n 张人脸（%3）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n 张人脸</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · face %2</source>
        <translation>%1 · 人脸 %2</translation>
    </message>
    <message>
        <source>threshold τ = %1</source>
        <translation>阈值 τ = %1</translation>
    </message>
    <message>
        <source>Add photos: the distance of two faces shows here.</source>
        <translation>添加照片：两张人脸的距离显示在这里。</translation>
    </message>
    <message>
        <source>distance ‖f(A) − f(B)‖ = %1</source>
        <translation>距离 ‖f(A) − f(B)‖ = %1</translation>
    </message>
    <message>
        <source>&lt;tt&gt;0 %1 1.5&lt;/tt&gt;</source>
        <translation>&lt;tt&gt;0 %1 1.5&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>the same face</source>
        <translation>同一张脸</translation>
    </message>
    <message>
        <source>the same person (d ≤ τ)</source>
        <translation>同一人（d ≤ τ）</translation>
    </message>
    <message>
        <source>different people (d &gt; τ)</source>
        <translation>不同的人（d &gt; τ）</translation>
    </message>
    <message>
        <source>--faces-detector must be tiny or ssd, not %1</source>
        <translation>--faces-detector 必须是 tiny 或 ssd，而不是 %1</translation>
    </message>
    <message>
        <source>no photos: face-api's demo photos are missing: %1</source>
        <translation>没有照片：face-api 的演示照片缺失：%1</translation>
    </message>
    <message>
        <source>Recognition (1:K): who is each face of this photo?</source>
        <translation>识别 (1:K)：这张照片上的每张脸是谁？</translation>
    </message>
    <message>
        <source>Name face A…</source>
        <translation>给人脸 A 命名…</translation>
    </message>
    <message>
        <source>Add face A's encoding to the database under a name (a new name is a new person)</source>
        <translation>把人脸 A 的编码以一个名字加入数据库（新名字就是新的人）</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Enrol a folder…</source>
        <translation>登记一个文件夹…</translation>
    </message>
    <message>
        <source>One folder per person (people/&lt;name&gt;/*.jpg): the best face of each photo joins that person</source>
        <translation>每人一个文件夹（people/&lt;name&gt;/*.jpg）：每张照片中最好的那张脸归入那个人</translation>
    </message>
    <message>
        <source>face</source>
        <translation>人脸</translation>
    </message>
    <message>
        <source>who (at τ)</source>
        <translation>是谁（在 τ 下）</translation>
    </message>
    <message>
        <source>distance to each person, nearest first</source>
        <translation>到每个人的距离，由近到远</translation>
    </message>
    <message>
        <source>Add a photo first: there is no face A to name.</source>
        <translation>请先添加照片：还没有可命名的人脸 A。</translation>
    </message>
    <message>
        <source>Name face A</source>
        <translation>给人脸 A 命名</translation>
    </message>
    <message>
        <source>Who is this?</source>
        <translation>这是谁？</translation>
    </message>
    <message>
        <source>People: one folder per person</source>
        <translation>人物：每人一个文件夹</translation>
    </message>
    <message>
        <source>Open a face database</source>
        <translation>打开人脸数据库</translation>
    </message>
    <message>
        <source>Face database (*.json)</source>
        <translation>人脸数据库 (*.json)</translation>
    </message>
    <message>
        <source>Save the face database</source>
        <translation>保存人脸数据库</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n face(s) in the database.</source>
        <translation>
            <numerusform>%1 现在在数据库中有 %n 张人脸。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enrolling %n person(s) from %1…</source>
        <translation>
            <numerusform>正在从 %1 登记 %n 个人…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n person(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个人保存到 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n person(s).</source>
        <translation>
            <numerusform>%1：%n 个人。</numerusform>
        </translation>
    </message>
    <message>
        <source>The database is empty: pick a face as A and name it, or open a database.</source>
        <translation>数据库是空的：选一张人脸作为 A 并命名，或打开一个数据库。</translation>
    </message>
    <message numerus="yes">
        <source>database: %n person(s), </source>
        <translation>
            <numerusform>数据库：%n 个人，</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>face %1</source>
        <translation>人脸 %1</translation>
    </message>
    <message>
        <source>Face A: any face found in the photos</source>
        <translation>人脸 A：照片中找到的任意一张脸</translation>
    </message>
    <message>
        <source>Face B: any face found in the photos</source>
        <translation>人脸 B：照片中找到的任意一张脸</translation>
    </message>
</context>
<context>
    <name>lab::FacesView</name>
    <message>
        <source>Add photos of people (or the demo photos): every face is found, its 68 landmarks drawn and its 128 numbers computed.</source>
        <translation>添加人物照片（或演示照片）：找出每张人脸，画出它的 68 个特征点，并计算它的 128 个数。</translation>
    </message>
    <message>
        <source>face %1 · %2</source>
        <translation>人脸 %1 · %2</translation>
    </message>
</context>
<context>
    <name>lab::FacesWorker</name>
    <message>
        <source>finding faces in %1 (%2 of %3)</source>
        <translation>正在 %1 中找人脸（第 %2 张，共 %3 张）</translation>
    </message>
    <message>
        <source>SSD MobileNet</source>
        <translation>SSD MobileNet</translation>
    </message>
    <message>
        <source>tiny detector</source>
        <translation>微型检测器</translation>
    </message>
</context>
<context>
    <name>lab::FetchDialog</name>
    <message>
        <source>Models and corpora</source>
        <translation>模型与语料</translation>
    </message>
    <message>
        <source>Fetch now</source>
        <translation>立即获取</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Runs dllab --fetch-models: each file from its pinned source, its sha256 checked</source>
        <translation>运行 dllab --fetch-models：每个文件从其固定的来源获取，并校验 sha256</translation>
    </message>
    <message>
        <source>Done: every file is there and checked. Labs opened before need to be opened again.</source>
        <translation>完成：每个文件都已就位并通过校验。之前打开的实验室需要重新打开。</translation>
    </message>
    <message>
        <source>Not every file could be fetched (above); the labs that need them say so.</source>
        <translation>并非每个文件都能获取（见上）；需要它们的实验室会说明。</translation>
    </message>
    <message>
        <source>Could not start %1.</source>
        <translation>无法启动 %1。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>One file the labs read is missing (%1 MB), in %2.</source>
        <translation>实验室读取的一个文件缺失（%1 MB），在 %2 中。</translation>
    </message>
    <message>
        <source>%1 files the labs read are missing (%2 MB), in %3.</source>
        <translation>实验室读取的 %1 个文件缺失（%2 MB），在 %3 中。</translation>
    </message>
    <message>
        <source>Every model and corpus the labs read is on this machine.</source>
        <translation>实验室读取的每个模型和语料都已在本机上。</translation>
    </message>
    <message>
        <source>Fetch them now? Each comes from its pinned source and is checked by its sha256; without internet, set DLLAB_MODEL_MIRROR to a folder holding a copy.</source>
        <translation>现在获取吗？每个文件都来自其固定的来源并用 sha256 校验；没有网络时，把 DLLAB_MODEL_MIRROR 设为存有副本的文件夹。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>lab::GradCheckDialog</name>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Backprop against two-sided differences (J(θ+ε) − J(θ−ε))/2ε, in double precision, dropout off. Green: below 1e-7 (correct). Red: above 1e-3 (a bug).</source>
        <translation>反向传播与双边差分 (J(θ+ε) − J(θ−ε))/2ε 对比，双精度，关闭 dropout。绿色：低于 1e-7（正确）。红色：高于 1e-3（有错误）。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Relative difference</source>
        <translation>相对差异</translation>
    </message>
    <message>
        <source>All layers pass (worst %1).</source>
        <translation>所有层都通过（最差 %1）。</translation>
    </message>
    <message>
        <source>Worst layer: %1. Check that layer's backward.</source>
        <translation>最差的层：%1。请检查该层的反向传播。</translation>
    </message>
</context>
<context>
    <name>lab::GramView</name>
    <message>
        <source>Run a few iterations: the Gram matrices of the chosen style layer appear here.</source>
        <translation>运行几次迭代：所选风格层的 Gram 矩阵会显示在这里。</translation>
    </message>
    <message>
        <source>G_S: painting, layer %1 (%2×%2)</source>
        <translation>G_S：画作，第 %1 层（%2×%2）</translation>
    </message>
    <message>
        <source>G_G: generated, iteration %1</source>
        <translation>G_G：生成图，第 %1 次迭代</translation>
    </message>
    <message>
        <source>‖G_S − G_G‖ / ‖G_S‖ = %1   (colour: √G, one scale for both)</source>
        <translation>‖G_S − G_G‖ / ‖G_S‖ = %1   （颜色：√G，两者同一色标）</translation>
    </message>
</context>
<context>
    <name>lab::GuardedApplication</name>
    <message>
        <source>That needed more memory than this computer could give; try a smaller model, image or batch.</source>
        <translation>所需内存超出了这台计算机能提供的；请尝试更小的模型、图像或批次。</translation>
    </message>
    <message>
        <source>Something went wrong inside the app (%1); nothing was changed, and you can keep working.</source>
        <translation>应用内部出了问题（%1）；没有任何改动，你可以继续工作。</translation>
    </message>
    <message>
        <source>Something went wrong inside the app; nothing was changed, and you can keep working.</source>
        <translation>应用内部出了问题；没有任何改动，你可以继续工作。</translation>
    </message>
</context>
<context>
    <name>lab::HistogramView</name>
    <message>
        <source>Histograms appear once the model is set up.</source>
        <translation>模型建立后显示直方图。</translation>
    </message>
</context>
<context>
    <name>lab::HyperPanel</name>
    <message>
        <source>Learning rate α on a log scale (10⁻⁴ … 10): W := W − α·dW.
Drag it while training: the curve bends at that moment.</source>
        <translation>学习率 α，对数刻度（10⁻⁴ … 10）：W := W − α·dW。
训练中拖动它：曲线会在那一刻弯折。</translation>
    </message>
    <message>
        <source>Learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>GD: W −= α dW
Momentum: v = βv + (1−β)dW; W −= αv
RMSprop: s = β₂s + (1−β₂)dW²; W −= α dW/(√s+ε)
Adam: both, bias-corrected v/(1−β₁ᵗ), s/(1−β₂ᵗ)</source>
        <translation>GD：W −= α dW
动量：v = βv + (1−β)dW；W −= αv
RMSprop：s = β₂s + (1−β₂)dW²；W −= α dW/(√s+ε)
Adam：两者兼有，偏差修正 v/(1−β₁ᵗ)、s/(1−β₂ᵗ)</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>Mini-batch size: one shuffle per epoch, cut into batches; the last partial batch is kept</source>
        <translation>小批量大小：每轮打乱一次，切成批次；保留最后不满的批次</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>L2 regularisation λ: J += λ/(2m)·Σ‖W‖²,  dW += (λ/m)·W</source>
        <translation>L2 正则化 λ：J += λ/(2m)·Σ‖W‖²，dW += (λ/m)·W</translation>
    </message>
    <message>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <source>Inverted dropout: D = rand &lt; keep_prob, A = A·D/keep_prob (training only)</source>
        <translation>反向随机失活（inverted dropout）：D = rand &lt; keep_prob，A = A·D/keep_prob（仅训练时）</translation>
    </message>
    <message>
        <source>keep_prob</source>
        <translation>keep_prob</translation>
    </message>
    <message>
        <source>Hidden layer sizes, e.g. 4 or 4,3; 0 for none (logistic regression). Applies at Reset.</source>
        <translation>隐藏层大小，例如 4 或 4,3；0 表示没有（逻辑回归）。重置时生效。</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Hidden activation g(z): tanh, ReLU max(0,z), leaky max(0.01z,z), sigmoid 1/(1+e^−z)</source>
        <translation>隐藏层激活函数 g(z)：tanh、ReLU max(0,z)、leaky max(0.01z,z)、sigmoid 1/(1+e^−z)</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>random × 0.01</source>
        <translation>随机 × 0.01</translation>
    </message>
    <message>
        <source>He √(2/n)</source>
        <translation>He √(2/n)</translation>
    </message>
    <message>
        <source>Xavier √(1/n)</source>
        <translation>Xavier √(1/n)</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>large × 10</source>
        <translation>大值 × 10</translation>
    </message>
    <message>
        <source>Weight initialisation W = randn·scale (biases 0). Applies at Reset.</source>
        <translation>权重初始化 W = randn·scale（偏置为 0）。重置时生效。</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>z_norm = (z−μ)/√(σ²+ε), z̃ = γ·z_norm + β before each activation. Applies at Reset.</source>
        <translation>在每个激活函数之前：z_norm = (z−μ)/√(σ²+ε)，z̃ = γ·z_norm + β。重置时生效。</translation>
    </message>
    <message>
        <source>Training speed: iterations per second (rightmost: as fast as the CPU allows)</source>
        <translation>训练速度：每秒迭代次数（最右：CPU 允许的最快速度）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>All hyperparameters…</source>
        <translation>全部超参数…</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
</context>
<context>
    <name>lab::HyperparametersDialog</name>
    <message>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>Optimisation (COURSE.md §4)</source>
        <translation>优化（COURSE.md §4）</translation>
    </message>
    <message>
        <source>Learning rate α: W := W − α·update</source>
        <translation>学习率 α：W := W − α·更新量</translation>
    </message>
    <message>
        <source>Learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>gd: W −= α dW; momentum: v = βv + (1−β)dW; rmsprop: s = β₂s + (1−β₂)dW²;
adam: v and s with bias correction v̂ = v/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ), W −= α v̂/(√ŝ + ε)</source>
        <translation>gd：W −= α dW；momentum：v = βv + (1−β)dW；rmsprop：s = β₂s + (1−β₂)dW²；
adam：带偏差修正的 v 和 s，v̂ = v/(1−β₁ᵗ)，ŝ = s/(1−β₂ᵗ)，W −= α v̂/(√ŝ + ε)</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Momentum β: v = β·v + (1−β)·dW (β = 0 is plain GD)</source>
        <translation>动量 β：v = β·v + (1−β)·dW（β = 0 即普通梯度下降）</translation>
    </message>
    <message>
        <source>Momentum β</source>
        <translation>动量 β</translation>
    </message>
    <message>
        <source>Adam β₁: v = β₁·v + (1−β₁)·dW</source>
        <translation>Adam β₁：v = β₁·v + (1−β₁)·dW</translation>
    </message>
    <message>
        <source>Adam β₁</source>
        <translation>Adam β₁</translation>
    </message>
    <message>
        <source>β₂ (Adam, RMSprop): s = β₂·s + (1−β₂)·dW²</source>
        <translation>β₂（Adam、RMSprop）：s = β₂·s + (1−β₂)·dW²</translation>
    </message>
    <message>
        <source>β₂</source>
        <translation>β₂</translation>
    </message>
    <message>
        <source>ε in W −= α·v/(√s + ε)</source>
        <translation>W −= α·v/(√s + ε) 中的 ε</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>Mini-batch size (0 = full batch). One shuffle per epoch; last partial batch kept.
Range 0 … 1000000</source>
        <translation>小批量大小（0 = 全批量）。每轮打乱一次；保留最后不满的批次。
范围 0 … 1000000</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>inverse-time: α = α₀/(1 + rate·epoch)
exponential: α = α₀·rate^epoch
step: α = α₀/(1 + rate·⌊epoch/interval⌋)
inverse-sqrt: α = α₀·rate/√(epoch+1)
staircase: α = α₀·rate^⌊epoch/interval⌋</source>
        <translation>反时限：α = α₀/(1 + rate·epoch)
指数：α = α₀·rate^epoch
阶梯：α = α₀/(1 + rate·⌊epoch/interval⌋)
反平方根：α = α₀·rate/√(epoch+1)
台阶：α = α₀·rate^⌊epoch/interval⌋</translation>
    </message>
    <message>
        <source>Learning-rate decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>Decay rate (the base for exponential decay, e.g. 0.95)</source>
        <translation>衰减率（指数衰减的底数，例如 0.95）</translation>
    </message>
    <message>
        <source>Decay rate</source>
        <translation>衰减率</translation>
    </message>
    <message>
        <source>Epochs per stair of the step and staircase schedules
Range 1 … 10000000</source>
        <translation>阶梯和台阶调度中每一级的轮数
范围 1 … 10000000</translation>
    </message>
    <message>
        <source>Decay interval</source>
        <translation>衰减间隔</translation>
    </message>
    <message>
        <source>Clip every gradient element to [−c, c] (0 = off)</source>
        <translation>把每个梯度元素截断到 [−c, c]（0 = 关闭）</translation>
    </message>
    <message>
        <source>Clip by value</source>
        <translation>按值裁剪</translation>
    </message>
    <message>
        <source>If ‖g‖₂ over all parameters &gt; c, scale g by c/‖g‖ (0 = off)</source>
        <translation>若所有参数上的 ‖g‖₂ &gt; c，则把 g 乘以 c/‖g‖（0 = 关闭）</translation>
    </message>
    <message>
        <source>Clip by norm</source>
        <translation>按范数裁剪</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>无上限</translation>
    </message>
    <message>
        <source>Pause automatically after this many iterations (0 = no limit)</source>
        <translation>达到这么多次迭代后自动暂停（0 = 无上限）</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>在此后停止</translation>
    </message>
    <message>
        <source>Regularisation (COURSE.md §3)</source>
        <translation>正则化（COURSE.md §3）</translation>
    </message>
    <message>
        <source>L2 λ: J += λ/(2m)·Σ‖W‖²_F, dW += (λ/m)·W</source>
        <translation>L2 λ：J += λ/(2m)·Σ‖W‖²_F，dW += (λ/m)·W</translation>
    </message>
    <message>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <source>Inverted dropout: D = rand &lt; keep_prob, A = A·D/keep_prob; off at evaluation</source>
        <translation>反向随机失活：D = rand &lt; keep_prob，A = A·D/keep_prob；评估时关闭</translation>
    </message>
    <message>
        <source>keep_prob</source>
        <translation>keep_prob</translation>
    </message>
    <message>
        <source>Network (applies at Reset)</source>
        <translation>网络（重置时生效）</translation>
    </message>
    <message>
        <source>Hidden layer sizes: 4, or 4,3 for two layers; 0 for logistic regression. Each 1 … 4096</source>
        <translation>隐藏层大小：4，或 4,3 表示两层；0 表示逻辑回归。每层 1 … 4096</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>A = g(Z): tanh; relu max(0, z); leaky max(0.01z, z); sigmoid 1/(1 + e^−z)</source>
        <translation>A = g(Z)：tanh；relu max(0, z)；leaky max(0.01z, z)；sigmoid 1/(1 + e^−z)</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>random: randn·0.01; he: randn·√(2/n[l−1]); xavier: randn·√(1/n[l−1]); zeros; large: randn·10</source>
        <translation>random：randn·0.01；he：randn·√(2/n[l−1])；xavier：randn·√(1/n[l−1])；zeros；large：randn·10</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Batch norm before each activation</source>
        <translation>每个激活函数之前做批归一化</translation>
    </message>
    <message>
        <source>z_norm = (z − μ)/√(σ² + ε), z̃ = γ·z_norm + β; running averages at evaluation</source>
        <translation>z_norm = (z − μ)/√(σ² + ε)，z̃ = γ·z_norm + β；评估时用滑动平均</translation>
    </message>
    <message>
        <source>Seed of the initialisation, the shuffles and dropout</source>
        <translation>初始化、打乱和 dropout 的随机种子</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Reset to course defaults</source>
        <translation>恢复课程默认值</translation>
    </message>
</context>
<context>
    <name>lab::ImageInspector</name>
    <message>
        <source>Click an image to see its feature maps, class probabilities and Grad-CAM.</source>
        <translation>点击一张图像，查看它的特征图、类别概率和 Grad-CAM。</translation>
    </message>
    <message>
        <source>%1 #%2: %3 → %4</source>
        <translation>%1 #%2：%3 → %4</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>开发</translation>
    </message>
    <message>
        <source>Grad-CAM: %1 (%2)</source>
        <translation>Grad-CAM：%1（%2）</translation>
    </message>
</context>
<context>
    <name>lab::ImagesPage</name>
    <message>
        <source>Augmentation…</source>
        <translation>数据增强…</translation>
    </message>
    <message>
        <source>Data augmentation for the Images lab, with a live preview</source>
        <translation>图像实验室的数据增强，带实时预览</translation>
    </message>
    <message>
        <source>DL Visual Lab image models (*.dlm)</source>
        <translation>DL Visual Lab 图像模型 (*.dlm)</translation>
    </message>
    <message>
        <source>Images: save model (.dlm)…</source>
        <translation>图像：保存模型 (.dlm)…</translation>
    </message>
    <message>
        <source>Save image model</source>
        <translation>保存图像模型</translation>
    </message>
    <message>
        <source>Images: train on an image folder…</source>
        <translation>图像：在图像文件夹上训练…</translation>
    </message>
    <message>
        <source>Folder with one sub-folder per class</source>
        <translation>每个类别一个子文件夹的文件夹</translation>
    </message>
    <message>
        <source>Images: export the current view (PNG)…</source>
        <translation>图像：导出当前视图 (PNG)…</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Data &amp;augmentation…</source>
        <translation>数据增强(&amp;A)…</translation>
    </message>
    <message>
        <source>Evaluate on &amp;dev</source>
        <translation>在开发集上评估(&amp;D)</translation>
    </message>
    <message>
        <source>Evaluate on &amp;test…</source>
        <translation>在测试集上评估(&amp;T)…</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Image classification: CNNs, filters, feature maps, augmentation, evaluation (course chapters 3, 6, 7)</source>
        <translation>图像分类：卷积神经网络、滤波器、特征图、数据增强、评估（课程第 3、6、7 章）</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Whose weights to show: the first layer as images, deeper conv layers one tile per (output, input) channel pair</source>
        <translation>显示谁的权重：第一层显示为图像，更深的卷积层每个（输出，输入）通道对一个小块</translation>
    </message>
    <message>
        <source>This model has no layer with image-shaped weights.</source>
        <translation>这个模型没有图像形状权重的层。</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>已训练</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Bias / variance: train a few epochs first.</source>
        <translation>偏差 / 方差：请先训练几轮。</translation>
    </message>
    <message>
        <source>First layer with weights</source>
        <translation>第一个有权重的层</translation>
    </message>
    <message>
        <source>epoch %1 · %2 images/s</source>
        <translation>第 %1 轮 · %2 张图像/秒</translation>
    </message>
    <message>
        <source>%1 epochs done · %2 images/s</source>
        <translation>已完成 %1 轮 · %2 张图像/秒</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1 parameters in %2 layers</source>
        <translation>%2 层中共 %1 个参数</translation>
    </message>
    <message>
        <source>iteration %1 · epoch %2</source>
        <translation>第 %1 次迭代 · 第 %2 轮</translation>
    </message>
    <message>
        <source>batch cost %1</source>
        <translation>批次代价 %1</translation>
    </message>
    <message>
        <source>high bias: a bigger model or longer training</source>
        <translation>高偏差：更大的模型或更长的训练</translation>
    </message>
    <message>
        <source>high variance: more data, augmentation or regularisation (L2, dropout)</source>
        <translation>高方差：更多数据、数据增强或正则化（L2、dropout）</translation>
    </message>
    <message>
        <source>balanced so far</source>
        <translation>目前平衡</translation>
    </message>
    <message>
        <source>Epoch %1: train error %2 %, dev error %3 % (gap %4 points) → %5.</source>
        <translation>第 %1 轮：训练误差 %2 %，开发误差 %3 %（差距 %4 个百分点）→ %5。</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>dev cost %1</source>
        <translation>开发集代价 %1</translation>
    </message>
    <message>
        <source>train %1 %</source>
        <translation>训练 %1 %</translation>
    </message>
    <message>
        <source>dev %1 %</source>
        <translation>开发 %1 %</translation>
    </message>
    <message>
        <source>Every conv layer</source>
        <translation>每个卷积层</translation>
    </message>
    <message>
        <source>%1 set, %2 images</source>
        <translation>%1 集，%2 张图像</translation>
    </message>
    <message>
        <source>%1 accuracy %2 % on %3 images (cost %4).</source>
        <translation>%1 准确率 %2 %，共 %3 张图像（代价 %4）。</translation>
    </message>
    <message>
        <source>Evaluate on test</source>
        <translation>在测试集上评估</translation>
    </message>
    <message>
        <source>The test set gives the final, unbiased estimate. Choosing a model by its test score makes that estimate optimistic. Evaluate on test now?</source>
        <translation>测试集给出最终的无偏估计。按测试分数挑选模型会让这个估计偏乐观。现在在测试集上评估吗？</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Softmax regression (one vs the rest)</source>
        <translation>Softmax 回归（一对其余）</translation>
    </message>
    <message>
        <source>MLP 784-256-128-10</source>
        <translation>MLP 784-256-128-10</translation>
    </message>
    <message>
        <source>LeNet-5</source>
        <translation>LeNet-5</translation>
    </message>
    <message>
        <source>Small CNN with batch norm</source>
        <translation>带批归一化的小型 CNN</translation>
    </message>
    <message>
        <source>Small ResNet</source>
        <translation>小型 ResNet</translation>
    </message>
    <message>
        <source>Custom layer list</source>
        <translation>自定义层列表</translation>
    </message>
    <message>
        <source>One layer per line: conv OUT [k= s= p= g=], maxpool K, avgpool K, bn, relu, leaky [slope], sigmoid, tanh, dropout KEEP, flatten, gap, dense OUT, residual OUT [s=]. Input sizes are inferred.</source>
        <translation>每行一层：conv OUT [k= s= p= g=]、maxpool K、avgpool K、bn、relu、leaky [slope]、sigmoid、tanh、dropout KEEP、flatten、gap、dense OUT、residual OUT [s=]。输入尺寸自动推断。</translation>
    </message>
    <message>
        <source>Build this model</source>
        <translation>构建这个模型</translation>
    </message>
    <message>
        <source>New weights (He initialisation) for the layer list; epoch 0</source>
        <translation>为层列表生成新的权重（He 初始化）；第 0 轮</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Image folder…</source>
        <translation>图像文件夹…</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Train on the first N images only (a quick look)</source>
        <translation>只用前 N 张图像训练（快速看一看）</translation>
    </message>
    <message>
        <source>auto (1/12, at most 5000)</source>
        <translation>自动（1/12，最多 5000）</translation>
    </message>
    <message>
        <source>Images split off the training set to measure variance (the test set stays untouched)</source>
        <translation>从训练集中分出用于衡量方差的图像（测试集保持不动）</translation>
    </message>
    <message>
        <source>Data augmentation…</source>
        <translation>数据增强…</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>训练图像</translation>
    </message>
    <message>
        <source>Dev images</source>
        <translation>开发图像</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>α; changes apply at the next step</source>
        <translation>α；更改在下一步生效</translation>
    </message>
    <message>
        <source>Learning-rate decay per epoch: exponential α·rate^epoch, inverse-time α/(1+rate·epoch)</source>
        <translation>每轮的学习率衰减：指数 α·rate^epoch，反时限 α/(1+rate·epoch)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>无上限</translation>
    </message>
    <message>
        <source>Learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <source>α decay</source>
        <translation>α 衰减</translation>
    </message>
    <message>
        <source>Decay rate</source>
        <translation>衰减率</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Transfer learning</source>
        <translation>迁移学习</translation>
    </message>
    <message>
        <source>Layers 1…N keep their weights (open a trained model first): COURSE.md §7</source>
        <translation>第 1…N 层保持其权重（先打开一个训练好的模型）：COURSE.md §7</translation>
    </message>
    <message>
        <source>Precompute frozen activations</source>
        <translation>预先计算冻结层的激活</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Freeze first layers</source>
        <translation>冻结前几层</translation>
    </message>
    <message>
        <source>Evaluate on dev</source>
        <translation>在开发集上评估</translation>
    </message>
    <message>
        <source>Evaluate on test…</source>
        <translation>在测试集上评估…</translation>
    </message>
    <message>
        <source>The test set is for the final estimate: use it once, after choosing the model on dev</source>
        <translation>测试集用于最终估计：在开发集上选定模型之后，只用一次</translation>
    </message>
    <message>
        <source>epoch %p %</source>
        <translation>第 %p % 轮</translation>
    </message>
    <message>
        <source>Click a dev image:</source>
        <translation>点击一张开发集图像：</translation>
    </message>
    <message>
        <source>Click an image to see what every conv layer makes of it.</source>
        <translation>点击一张图像，看看每个卷积层把它变成了什么。</translation>
    </message>
    <message>
        <source>The misclassified images, most confident mistakes first, appear after an evaluation.</source>
        <translation>评估之后，这里按置信度从高到低显示被错分的图像。</translation>
    </message>
    <message>
        <source>Click a cell of the matrix to see its images.</source>
        <translation>点击矩阵的一个单元格，查看其中的图像。</translation>
    </message>
    <message>
        <source>Misclassified (true → predicted, confidence):</source>
        <translation>被错分的（真实 → 预测，置信度）：</translation>
    </message>
    <message>
        <source>The model to train: a preset, or your own layer list below</source>
        <translation>要训练的模型：一个预设，或下面你自己的层列表</translation>
    </message>
    <message>
        <source>Images: export to ONNX…</source>
        <translation>图像：导出为 ONNX…</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>导出为 ONNX</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Images: export to PyTorch…</source>
        <translation>图像：导出为 PyTorch…</translation>
    </message>
    <message>
        <source>A folder for the PyTorch experiment (model.py, weights, train.py)</source>
        <translation>存放 PyTorch 实验的文件夹（model.py、权重、train.py）</translation>
    </message>
</context>
<context>
    <name>lab::ImagesWorker</name>
    <message>
        <source>Loading Fashion-MNIST…</source>
        <translation>正在载入 Fashion-MNIST…</translation>
    </message>
    <message>
        <source>Reading the image folder…</source>
        <translation>正在读取图像文件夹…</translation>
    </message>
    <message>
        <source>Skipped %1 unreadable file(s), e.g. %2</source>
        <translation>跳过了 %1 个无法读取的文件，例如 %2</translation>
    </message>
    <message>
        <source>%1: %2 training, %3 dev and %4 test images, %5 classes.</source>
        <translation>%1：%2 张训练、%3 张开发和 %4 张测试图像，%5 个类别。</translation>
    </message>
    <message>
        <source>Training on to epoch %1.</source>
        <translation>继续训练到第 %1 轮。</translation>
    </message>
    <message>
        <source>Augmentation is on, so frozen activations are computed per batch again.</source>
        <translation>数据增强已开启，因此冻结层的激活重新按批次计算。</translation>
    </message>
    <message>
        <source>Precomputing the frozen layers' activations…</source>
        <translation>正在预先计算冻结层的激活…</translation>
    </message>
    <message>
        <source>Activations are not precomputed while augmentation is on (each batch differs).</source>
        <translation>数据增强开启时不预先计算激活（每个批次都不同）。</translation>
    </message>
    <message>
        <source>Finished %1 epochs: train %2 %, dev %3 % accuracy. Press Run to keep training.</source>
        <translation>已完成 %1 轮：训练准确率 %2 %，开发准确率 %3 %。按“运行”继续训练。</translation>
    </message>
    <message>
        <source>Evaluating on the test set…</source>
        <translation>正在测试集上评估…</translation>
    </message>
    <message>
        <source>Evaluating on the dev set…</source>
        <translation>正在开发集上评估…</translation>
    </message>
    <message>
        <source>%1 images of %2 predicted as %3</source>
        <translation>%2 的 %1 张图像被预测为 %3</translation>
    </message>
    <message>
        <source>Saved %1 (epoch %2).</source>
        <translation>已保存 %1（第 %2 轮）。</translation>
    </message>
    <message>
        <source>Opened %1: epoch %2, step %3. Press Run to keep training.</source>
        <translation>已打开 %1：第 %2 轮，第 %3 步。按“运行”继续训练。</translation>
    </message>
    <message>
        <source>Nothing to export yet: the model is built once the pictures are loaded.</source>
        <translation>还没有可导出的内容：图片载入后才会建立模型。</translation>
    </message>
</context>
<context>
    <name>lab::InitTab</name>
    <message>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Normalise every hidden layer's pre-activations: the spreads stay level whatever the initialisation (COURSE.md §5).</source>
        <translation>对每个隐藏层的激活前输入做归一化：无论怎样初始化，分布宽度都保持平稳（COURSE.md §5）。</translation>
    </message>
    <message>
        <source>hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>of</source>
        <translation>，每层</translation>
    </message>
    <message>
        <source>units</source>
        <translation>个单元</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>random ×0.01</source>
        <translation>随机 ×0.01</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>×10</source>
        <translation>×10</translation>
    </message>
    <message>
        <source>Initialisations</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>A 2-D set of 300 points, or Fashion-MNIST's pixels (784 inputs, 10 classes).</source>
        <translation>一个含 300 个点的二维数据集，或 Fashion-MNIST 的像素（784 个输入，10 个类别）。</translation>
    </message>
    <message>
        <source>How many of Fashion-MNIST's test images to train on (all of them, every step's batch drawn from them).</source>
        <translation>用多少张 Fashion-MNIST 测试图像来训练（全部使用，每一步的批次从中抽取）。</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>images</source>
        <translation>张图像</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>Training (batch 64)</source>
        <translation>训练（批大小 64）</translation>
    </message>
    <message>
        <source>The same network and data, one seed, each initialisation in turn. The plots: the spread of every hidden layer's activations and weight gradients at step 0 (log scale), both again after training (dashed: the one training now), and live, the histograms of log₁₀|activation| and log₁₀|dL/dW| per layer of the one training now. The table: each one's train accuracy after the training.</source>
        <translation>同一个网络和数据、同一个种子，依次使用每种初始化。图：第 0 步时每个隐藏层激活和权重梯度的分布宽度（对数刻度），训练之后再画一次（虚线：正在训练的那个），以及实时显示正在训练的那个每层 log₁₀|激活| 和 log₁₀|dL/dW| 的直方图。表格：每种初始化训练后的训练准确率。</translation>
    </message>
    <message>
        <source>Initialisation in depth</source>
        <translation>深层网络的初始化</translation>
    </message>
    <message>
        <source>Tick at least one initialisation.</source>
        <translation>请至少勾选一种初始化。</translation>
    </message>
</context>
<context>
    <name>lab::LabWorker</name>
    <message>
        <source>Internal error while %1; the lab stopped.</source>
        <translation>%1 时出现内部错误；实验室已停止。</translation>
    </message>
</context>
<context>
    <name>lab::LabelTab</name>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>least confident</source>
        <translation>最不确定</translation>
    </message>
    <message>
        <source>margin</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>熵</translation>
    </message>
    <message>
        <source>committee</source>
        <translation>委员会</translation>
    </message>
    <message>
        <source>self-training</source>
        <translation>自训练</translation>
    </message>
    <message>
        <source>weak rules</source>
        <translation>弱规则</translation>
    </message>
    <message>
        <source>strategies</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Unlabelled images: a seeded sample of Fashion-MNIST's training set</source>
        <translation>无标签图像：从 Fashion-MNIST 训练集中按种子抽取的样本</translation>
    </message>
    <message>
        <source>The labelled seed: images a class</source>
        <translation>有标签的种子集：每个类别的图像数</translation>
    </message>
    <message>
        <source>Rounds after the seed</source>
        <translation>种子集之后的轮数</translation>
    </message>
    <message>
        <source>Labels bought a round</source>
        <translation>每轮购买的标签数</translation>
    </message>
    <message>
        <source>Runs of each strategy (seeds 1, 2, …): the curves are their mean, the table their spread</source>
        <translation>每种策略的运行次数（种子 1、2、…）：曲线是它们的平均，表格是它们的离散程度</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>池</translation>
    </message>
    <message>
        <source>seed a class</source>
        <translation>每类种子数</translation>
    </message>
    <message>
        <source>rounds</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>labels a round</source>
        <translation>每轮标签数</translation>
    </message>
    <message>
        <source>seeds</source>
        <translation>种子数</translation>
    </message>
    <message>
        <source>Self-training: a prediction this confident joins the training set as a label</source>
        <translation>自训练：置信度达到此值的预测作为标签加入训练集</translation>
    </message>
    <message>
        <source>self-training threshold</source>
        <translation>自训练阈值</translation>
    </message>
    <message>
        <source>Simulated annotators: each answers the hidden label, or a wrong one at its error rate</source>
        <translation>模拟标注员：每人回答隐藏的真实标签，或按其错误率回答一个错误标签</translation>
    </message>
    <message>
        <source>one answer (taking turns)</source>
        <translation>一个回答（轮流）</translation>
    </message>
    <message>
        <source>all of them, the majority</source>
        <translation>所有人，取多数</translation>
    </message>
    <message>
        <source>more only when the model disagrees</source>
        <translation>只在模型不同意时多问</translation>
    </message>
    <message>
        <source>annotators</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>error rate</source>
        <translation>错误率</translation>
    </message>
    <message>
        <source>labels by</source>
        <translation>标签来自</translation>
    </message>
    <message>
        <source>Weak rules, one a line: CONDITION [and CONDITION …] -&gt; CLASS; measures brightness, width, height, aspect, region(x0,y0,x1,y1), model(CLASS)</source>
        <translation>弱规则，每行一条：CONDITION [and CONDITION …] -&gt; CLASS；可用量：brightness、width、height、aspect、region(x0,y0,x1,y1)、model(CLASS)</translation>
    </message>
    <message>
        <source>weak rules (used when "weak rules" is ticked)</source>
        <translation>弱规则（勾选“弱规则”时使用）</translation>
    </message>
    <message>
        <source>Tick at least one strategy.</source>
        <translation>请至少勾选一种策略。</translation>
    </message>
    <message>
        <source>the rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>The seed (%1 a class) must be at most half the pool; choose a larger pool or a smaller seed.</source>
        <translation>种子集（每类 %1 张）最多只能占池的一半；请选更大的池或更小的种子集。</translation>
    </message>
    <message>
        <source>Labelling strategies</source>
        <translation>标注策略</translation>
    </message>
</context>
<context>
    <name>lab::LossCurveView</name>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Plot the cost J on a logarithmic axis</source>
        <translation>在对数坐标轴上画代价 J</translation>
    </message>
    <message>
        <source>mini-batch cost</source>
        <translation>小批量代价</translation>
    </message>
    <message>
        <source>train cost</source>
        <translation>训练集代价</translation>
    </message>
    <message>
        <source>dev cost</source>
        <translation>开发集代价</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>cost J</source>
        <translation>代价 J</translation>
    </message>
    <message>
        <source>Could not write %1; check the folder exists and is writable.</source>
        <translation>无法写入 %1；请检查该文件夹存在且可写。</translation>
    </message>
    <message>
        <source>Could not replace %1.</source>
        <translation>无法替换 %1。</translation>
    </message>
</context>
<context>
    <name>lab::MainWindow</name>
    <message>
        <source>DL Visual Lab</source>
        <translation>DL Visual Lab</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Train continuously (Space)</source>
        <translation>持续训练（空格）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One iteration (one mini-batch update)</source>
        <translation>一次迭代（一次小批量更新）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>New initial weights from the seed; step 0</source>
        <translation>按种子生成新的初始权重；第 0 步</translation>
    </message>
    <message>
        <source>No lab opens %1 files (%2); see File ▸ Open for the kinds each lab reads.</source>
        <translation>没有实验室能打开 %1 文件（%2）；各实验室能读的文件类型见 文件 ▸ 打开。</translation>
    </message>
    <message>
        <source>suffix-less</source>
        <translation>无后缀</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Files the labs read (%1)</source>
        <translation>实验室能读的文件 (%1)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Fetch models and corpora…</source>
        <translation>获取模型和语料(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;What am I looking at?</source>
        <translation>我在看什么？(&amp;W)</translation>
    </message>
    <message>
        <source>The lab's guide beside it: what each view draws, its formula, what to try (F1)</source>
        <translation>实验室旁边的说明：每个视图画的是什么、它的公式、可以试什么（F1）</translation>
    </message>
</context>
<context>
    <name>lab::MatrixHeatView</name>
    <message>
        <source>nothing to show yet</source>
        <translation>还没有可显示的内容</translation>
    </message>
    <message>
        <source>τ %1</source>
        <translation>τ %1</translation>
    </message>
    <message>
        <source>%1 and %2: %3</source>
        <translation>%1 和 %2：%3</translation>
    </message>
</context>
<context>
    <name>lab::ModelExport</name>
    <message>
        <source>Could not make a temporary folder to export from: %1</source>
        <translation>无法创建用于导出的临时文件夹：%1</translation>
    </message>
    <message>
        <source>%1 (ONNX, %2 bytes)</source>
        <translation>%1（ONNX，%2 字节）</translation>
    </message>
    <message>
        <source>Exported the %1 to %2.</source>
        <translation>已将%1导出到 %2。</translation>
    </message>
    <message>
        <source>%1/ (model.py, weights.npz, train.py)</source>
        <translation>%1/（model.py、weights.npz、train.py）</translation>
    </message>
</context>
<context>
    <name>lab::NetworkView</name>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Hidden layer %1, unit %2 (%3)</source>
        <translation>隐藏层 %1，单元 %2（%3）</translation>
    </message>
</context>
<context>
    <name>lab::ParallelCoordsView</name>
    <message>
        <source>Each trial will be a line across the axes of its settings.</source>
        <translation>每次试验将是一条穿过其各设置坐标轴的折线。</translation>
    </message>
    <message>
        <source>Each trial will be a line across the axes.</source>
        <translation>每次试验将是一条穿过各坐标轴的折线。</translation>
    </message>
</context>
<context>
    <name>lab::PictureCleanTab</name>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>被截断</translation>
    </message>
    <message>
        <source>wrong size</source>
        <translation>尺寸不对</translation>
    </message>
    <message>
        <source>wrong colour mode</source>
        <translation>颜色模式不对</translation>
    </message>
    <message>
        <source>few pictures in a class</source>
        <translation>某类图片太少</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>near duplicate</source>
        <translation>近似重复</translation>
    </message>
    <message>
        <source>(cannot be shown)</source>
        <translation>（无法显示）</translation>
    </message>
    <message>
        <source>Open picture folder…</source>
        <translation>打开图片文件夹…</translation>
    </message>
    <message>
        <source>Save cleaned copy…</source>
        <translation>保存清洗后的副本…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open a folder of pictures, one sub-folder a class.</source>
        <translation>打开一个图片文件夹，每个类别一个子文件夹。</translation>
    </message>
    <message>
        <source>most common</source>
        <translation>最常见的</translation>
    </message>
    <message>
        <source>The size the pictures should have, WxH (e.g. 28x28); empty: the most common one</source>
        <translation>图片应有的尺寸 WxH（例如 28x28）；留空：最常见的尺寸</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>Two pictures whose difference hashes (256 bits) differ in at most this many bits are near duplicates</source>
        <translation>差异哈希（256 位）最多相差这么多位的两张图片视为近似重复</translation>
    </message>
    <message>
        <source>size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>at least a class</source>
        <translation>每类至少</translation>
    </message>
    <message>
        <source>near: bits</source>
        <translation>近似：位数</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>resize</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>convert</source>
        <translation>转换</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>like</source>
        <translation>类似于</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Open a picture folder</source>
        <translation>打开一个图片文件夹</translation>
    </message>
    <message>
        <source>A new or empty folder for the cleaned copy</source>
        <translation>用于存放清洗后副本的新文件夹或空文件夹</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n cleaned pictures to %1; the original folder is unchanged.</source>
        <translation>
            <numerusform>已将 %n 张清洗后的图片保存到 %1；原文件夹未改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>The size is WxH in pixels, e.g. 28x28 (or empty for the most common one), not "%1".</source>
        <translation>尺寸应为以像素计的 WxH，例如 28x28（或留空取最常见的尺寸），而不是 "%1"。</translation>
    </message>
    <message>
        <source>Expected %1×%2, %3. Classes: %4</source>
        <translation>期望 %1×%2，%3。类别：%4</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n pictures, %2 problems (checked in %3 s).</source>
        <translation>
            <numerusform>%1：%n 张图片，%2 个问题（用时 %3 秒）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::PlaygroundPage</name>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Compare backprop with two-sided differences, per layer (green &lt; 1e-7, red &gt; 1e-3)</source>
        <translation>逐层比较反向传播与双边差分（绿色 &lt; 1e-7，红色 &gt; 1e-3）</translation>
    </message>
    <message>
        <source>Hyperparameters…</source>
        <translation>超参数…</translation>
    </message>
    <message>
        <source>Playground experiments (*.json)</source>
        <translation>游乐场实验 (*.json)</translation>
    </message>
    <message>
        <source>Playground models (*.dlck)</source>
        <translation>游乐场模型 (*.dlck)</translation>
    </message>
    <message>
        <source>Points (*.csv *.txt)</source>
        <translation>数据点 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Playground: save experiment…</source>
        <translation>游乐场：保存实验…</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>Experiments (*.json)</source>
        <translation>实验 (*.json)</translation>
    </message>
    <message>
        <source>Playground: save points (CSV)…</source>
        <translation>游乐场：保存数据点 (CSV)…</translation>
    </message>
    <message>
        <source>Save points</source>
        <translation>保存数据点</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Playground: save model…</source>
        <translation>游乐场：保存模型…</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>DL Visual Lab checkpoints (*.dlck)</source>
        <translation>DL Visual Lab 检查点 (*.dlck)</translation>
    </message>
    <message>
        <source>Export learning curve</source>
        <translation>导出学习曲线</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Playground: export learning curve (PNG)…</source>
        <translation>游乐场：导出学习曲线 (PNG)…</translation>
    </message>
    <message>
        <source>Playground: export learning curve (CSV)…</source>
        <translation>游乐场：导出学习曲线 (CSV)…</translation>
    </message>
    <message>
        <source>Playground: export decision boundary (PNG)…</source>
        <translation>游乐场：导出决策边界 (PNG)…</translation>
    </message>
    <message>
        <source>Export decision boundary</source>
        <translation>导出决策边界</translation>
    </message>
    <message>
        <source>&amp;Hyperparameters…</source>
        <translation>超参数(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Gradient check</source>
        <translation>梯度检验(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Compare runs</source>
        <translation>比较多次运行(&amp;C)</translation>
    </message>
    <message>
        <source>By %1…</source>
        <translation>按 %1…</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>Log-scale cost</source>
        <translation>代价用对数刻度</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>游乐场</translation>
    </message>
    <message>
        <source>2-D classification: watch the decision boundary form (course chapters 1–5)</source>
        <translation>二维分类：看着决策边界形成（课程第 1–5 章）</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>Gradient check passed: worst layer %1.</source>
        <translation>梯度检验通过：最差的层 %1。</translation>
    </message>
    <message>
        <source>Gradient check: worst layer %1 (above 1e-7).</source>
        <translation>梯度检验：最差的层 %1（高于 1e-7）。</translation>
    </message>
    <message>
        <source>Added a point at (%1, %2).</source>
        <translation>在 (%1, %2) 添加了一个点。</translation>
    </message>
    <message>
        <source>That is the last training point; the training set cannot be empty.</source>
        <translation>这是最后一个训练点；训练集不能为空。</translation>
    </message>
    <message>
        <source>Removed a point.</source>
        <translation>删除了一个点。</translation>
    </message>
    <message>
        <source>keep_prob %1 adds dropout layers: the network was rebuilt and training restarted.</source>
        <translation>keep_prob %1 会加入 dropout 层：网络已重建，训练重新开始。</translation>
    </message>
    <message>
        <source>Network changed: training restarted.</source>
        <translation>网络已改变：训练重新开始。</translation>
    </message>
    <message>
        <source> The network keeps training on the edited points.</source>
        <translation> 网络在编辑后的点上继续训练。</translation>
    </message>
    <message>
        <source>iteration %1 · epoch %2</source>
        <translation>第 %1 次迭代 · 第 %2 轮</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>代价 %1</translation>
    </message>
    <message>
        <source>train %1 %</source>
        <translation>训练 %1 %</translation>
    </message>
    <message>
        <source>dev %1 %</source>
        <translation>开发 %1 %</translation>
    </message>
    <message>
        <source>dev –</source>
        <translation>开发 –</translation>
    </message>
    <message>
        <source>Loaded %1 points from %2.</source>
        <translation>已从 %2 载入 %1 个点。</translation>
    </message>
    <message>
        <source>Saved %1 points to %2.</source>
        <translation>已将 %1 个点保存到 %2。</translation>
    </message>
    <message>
        <source>Could not write %1; check the folder exists and is writable.</source>
        <translation>无法写入 %1；请检查该文件夹存在且可写。</translation>
    </message>
    <message>
        <source>The preset is damaged: %1.</source>
        <translation>预设已损坏：%1。</translation>
    </message>
    <message>
        <source>Playground: export to ONNX…</source>
        <translation>游乐场：导出为 ONNX…</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>导出为 ONNX</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Playground: export to PyTorch…</source>
        <translation>游乐场：导出为 PyTorch…</translation>
    </message>
    <message>
        <source>A folder for the PyTorch experiment (model.py, weights, train.py)</source>
        <translation>存放 PyTorch 实验的文件夹（model.py、权重、train.py）</translation>
    </message>
</context>
<context>
    <name>lab::RangeTestTab</name>
    <message>
        <source>Write the α range as two numbers, e.g. 1e-5 and 10.</source>
        <translation>请把 α 的范围写成两个数，例如 1e-5 和 10。</translation>
    </message>
    <message>
        <source>Use the suggested α in Schedules</source>
        <translation>在“调度”中使用建议的 α</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>α from</source>
        <translation>α 从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>α range test</source>
        <translation>α 范围测试</translation>
    </message>
</context>
<context>
    <name>lab::RegularisationTab</name>
    <message>
        <source>Hidden units: %1</source>
        <translation>隐藏单元：%1</translation>
    </message>
    <message>
        <source>Give the network at least one hidden layer, e.g. 40,40.</source>
        <translation>请给网络至少一个隐藏层，例如 40,40。</translation>
    </message>
    <message>
        <source>Points in all, half of them held out as dev</source>
        <translation>数据点总数，其中一半留作开发集</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>points</source>
        <translation>个点</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <source>keep_prob</source>
        <translation>keep_prob</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
</context>
<context>
    <name>lab::ScatterView</name>
    <message>
        <source>nothing to draw yet</source>
        <translation>还没有可画的内容</translation>
    </message>
</context>
<context>
    <name>lab::ScheduleTab</name>
    <message>
        <source>full</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>α₀</source>
        <translation>α₀</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>decay rate (the base of exponential and staircase, k of inverse-sqrt)</source>
        <translation>衰减率（指数和台阶调度的底数，反平方根的 k）</translation>
    </message>
    <message>
        <source>epochs per stair (step and staircase)</source>
        <translation>每级的轮数（阶梯和台阶）</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>衰减率</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Tick at least one schedule.</source>
        <translation>请至少勾选一种调度。</translation>
    </message>
    <message>
        <source>Learning-rate schedules</source>
        <translation>学习率调度</translation>
    </message>
</context>
<context>
    <name>lab::SearchTab</name>
    <message>
        <source>full</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Steps per trial</source>
        <translation>每次试验的步数</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>&lt;b&gt;Search&lt;/b&gt;</source>
        <translation>&lt;b&gt;搜索&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;scale&lt;/b&gt;</source>
        <translation>&lt;b&gt;刻度&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;from&lt;/b&gt;</source>
        <translation>&lt;b&gt;从&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;to&lt;/b&gt;</source>
        <translation>&lt;b&gt;到&lt;/b&gt;</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>log of 1 − x</source>
        <translation>1 − x 的对数</translation>
    </message>
    <message>
        <source>and a grid of the same budget</source>
        <translation>以及同样预算的网格</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>trials in</source>
        <translation>次试验，分</translation>
    </message>
    <message>
        <source>rounds</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Run search</source>
        <translation>运行搜索</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Zoom into the best region</source>
        <translation>放大最佳区域</translation>
    </message>
    <message>
        <source>One more round of budget ÷ rounds trials, inside the ranges of the quarter of the random trials so far with the lowest dev cost (COURSE.md §5: coarse to fine).</source>
        <translation>再进行一轮（预算 ÷ 轮数 次试验），范围取目前随机试验中开发集代价最低的四分之一所覆盖的区间（COURSE.md §5：由粗到细）。</translation>
    </message>
    <message>
        <source>Save best as experiment…</source>
        <translation>把最佳试验保存为实验…</translation>
    </message>
    <message>
        <source>Open best in Playground</source>
        <translation>在游乐场中打开最佳试验</translation>
    </message>
    <message>
        <source>Each trial trains the network from the same initial weights and batch order with its own settings; the table, the plots and the lines fill as trials finish.</source>
        <translation>每次试验都从相同的初始权重和批次顺序出发，用自己的设置训练网络；表格、图和折线随试验完成而填充。</translation>
    </message>
    <message>
        <source>Save the best trial</source>
        <translation>保存最佳试验</translation>
    </message>
    <message>
        <source>Experiments (*.json)</source>
        <translation>实验 (*.json)</translation>
    </message>
    <message>
        <source>Cannot search: %1.</source>
        <translation>无法搜索：%1。</translation>
    </message>
    <message>
        <source>Random search started: %1 trials in %2 round(s)%3.</source>
        <translation>随机搜索已开始：%1 次试验，分 %2 轮%3。</translation>
    </message>
    <message>
        <source> and a grid of the same budget</source>
        <translation>，以及同样预算的网格</translation>
    </message>
    <message>
        <source>Run a search first; the finer round zooms into its best trials.</source>
        <translation>请先运行一次搜索；更细的一轮会放大它的最佳试验。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>round</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>round 1</source>
        <translation>第 1 轮</translation>
    </message>
    <message>
        <source>finer rounds</source>
        <translation>更细的轮次</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>1 − %1</source>
        <translation>1 − %1</translation>
    </message>
    <message>
        <source>dev accuracy %</source>
        <translation>开发集准确率 %</translation>
    </message>
    <message>
        <source>dev accuracy</source>
        <translation>开发集准确率</translation>
    </message>
    <message>
        <source>train %</source>
        <translation>训练 %</translation>
    </message>
    <message>
        <source>dev %</source>
        <translation>开发 %</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>trial %1: dev %2 %</source>
        <translation>试验 %1：开发 %2 %</translation>
    </message>
    <message>
        <source> Best random trial: %1 % dev (#%2).</source>
        <translation> 最佳随机试验：开发 %1 %（#%2）。</translation>
    </message>
    <message>
        <source> Best grid trial: %1 % dev (#%2).</source>
        <translation> 最佳网格试验：开发 %1 %（#%2）。</translation>
    </message>
    <message>
        <source>%1 of %2 trials, %3 random round(s), %4 s.%5 Next round's ranges: %6</source>
        <translation>%2 次试验中完成 %1 次，%3 轮随机搜索，%4 秒。%5 下一轮的范围：%6</translation>
    </message>
    <message>
        <source>Let a search run to its end first: a cut-short search does not replay.</source>
        <translation>请先让搜索跑完：中途停止的搜索无法重放。</translation>
    </message>
    <message>
        <source>This search has a round added with Zoom, which dlcli search cannot replay; save before zooming.</source>
        <translation>这次搜索用“放大”加了一轮，dlcli search 无法重放；请在放大之前保存。</translation>
    </message>
    <message>
        <source>No trial has finished yet; run a search first.</source>
        <translation>还没有完成的试验；请先运行一次搜索。</translation>
    </message>
    <message>
        <source>Could not save the best trial: %1</source>
        <translation>无法保存最佳试验：%1</translation>
    </message>
    <message>
        <source>Saved trial %1 (dev %2 %) as %3; the Playground replays it to the same numbers.</source>
        <translation>已将试验 %1（开发 %2 %）保存为 %3；游乐场重放它会得到相同的数字。</translation>
    </message>
    <message>
        <source>Could not create %1 for the best trial; use Save best as experiment… instead.</source>
        <translation>无法为最佳试验创建 %1；请改用“把最佳试验保存为实验…”。</translation>
    </message>
</context>
<context>
    <name>lab::SequenceExperiments</name>
    <message>
        <source>Long-range memory: accuracy against T</source>
        <translation>长程记忆：准确率随 T 的变化</translation>
    </message>
    <message>
        <source>Remember the first of T letters: each cell trained for each T (three seeds a point). The notes' long-range dependency: a plain RNN falls behind as T grows.</source>
        <translation>记住 T 个字母中的第一个：每种单元对每个 T 训练一次（每个点三个种子）。笔记中的长期依赖：T 越大，普通 RNN 越落后。</translation>
    </message>
    <message>
        <source>Gradients through time</source>
        <translation>随时间反向传播的梯度</translation>
    </message>
    <message>
        <source>‖∂L/∂a⟨t⟩‖ against how far step t is from the loss (the first T below), on a log scale: vanishing gradients. Steps: training before measuring (0: at initialisation).</source>
        <translation>‖∂L/∂a⟨t⟩‖ 随第 t 步与损失的距离（下面的第一个 T）变化，对数刻度：梯度消失。步数：测量前的训练步数（0：初始化时）。</translation>
    </message>
    <message>
        <source>Clipping off vs on</source>
        <translation>不裁剪 vs 裁剪</translation>
    </message>
    <message>
        <source>The page's corpus, an RNN that explodes (GD at α 0.05, weights ~ N(0, 0.3²)) trained twice: without clipping and with ±5. The gradient norm per step (log) and the loss.</source>
        <translation>本页的语料，一个会爆炸的 RNN（GD，α 0.05，权重 ~ N(0, 0.3²)）训练两次：不裁剪和裁剪到 ±5。每步的梯度范数（对数）和损失。</translation>
    </message>
    <message>
        <source>GRU vs LSTM on the corpus</source>
        <translation>语料上的 GRU vs LSTM</translation>
    </message>
    <message>
        <source>The page's corpus and settings (hidden, depth, window, batch, optimiser, α, clipping), the same steps for each ticked cell: parameters, time per epoch, memory, dev loss per epoch.</source>
        <translation>本页的语料和设置（隐藏单元、深度、窗口、批次、优化器、α、裁剪），每种勾选的单元训练相同步数：参数量、每轮时间、内存、每轮的开发集损失。</translation>
    </message>
    <message>
        <source>Tagging: one-way vs bidirectional</source>
        <translation>标注：单向 vs 双向</translation>
    </message>
    <message>
        <source>Tag each letter inside a closed pair of brackets (many-to-many). Whether a bracket closes lies in the future: only the bidirectional network (the first ticked cell) can know.</source>
        <translation>标注闭合括号对之内的每个字母（多对多）。括号是否闭合取决于未来：只有双向网络（第一个勾选的单元）能知道。</translation>
    </message>
    <message>
        <source>Classify a sequence (many-to-one)</source>
        <translation>序列分类（多对一）</translation>
    </message>
    <message>
        <source>Which of a, b, c occurs most often in 15 letters: one answer after the last step, per cell.</source>
        <translation>15 个字母中 a、b、c 哪个出现最多：最后一步之后给出一个答案，每种单元各一次。</translation>
    </message>
    <message>
        <source>T must be whole numbers from 1 to 400 separated by commas; "%1" is not one.</source>
        <translation>T 必须是 1 到 400 之间、用逗号分隔的整数；"%1" 不是。</translation>
    </message>
    <message>
        <source>Give at least one T (for example 5,20,50).</source>
        <translation>请至少给出一个 T（例如 5,20,50）。</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>RNN</source>
        <translation>RNN</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Gated cells start with the forget gate's bias at +b and the update gate's at −b: memory open, input mostly closed (Tallec &amp; Ollivier 2018)</source>
        <translation>门控单元的遗忘门偏置从 +b、更新门偏置从 −b 开始：记忆打开，输入基本关闭（Tallec &amp; Ollivier 2018）</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Forget bias</source>
        <translation>遗忘门偏置</translation>
    </message>
    <message>
        <source>T values</source>
        <translation>T 的取值</translation>
    </message>
    <message>
        <source>Tick at least one cell (RNN, GRU or LSTM).</source>
        <translation>请至少勾选一种单元（RNN、GRU 或 LSTM）。</translation>
    </message>
    <message>
        <source>Choose a corpus on the left first.</source>
        <translation>请先在左侧选择一个语料。</translation>
    </message>
</context>
<context>
    <name>lab::SequencePage</name>
    <message>
        <source>Sequence: text to learn from…</source>
        <translation>序列：用来学习的文本…</translation>
    </message>
    <message>
        <source>A UTF-8 text to learn</source>
        <translation>要学习的 UTF-8 文本</translation>
    </message>
    <message>
        <source>Text (*.txt *.md *.csv);;All files (*)</source>
        <translation>文本 (*.txt *.md *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Sequence: save model…</source>
        <translation>序列：保存模型…</translation>
    </message>
    <message>
        <source>Save the sequence model</source>
        <translation>保存序列模型</translation>
    </message>
    <message>
        <source>Sequence models (*.dlm)</source>
        <translation>序列模型 (*.dlm)</translation>
    </message>
    <message>
        <source>Texts to learn from (*.txt *.md)</source>
        <translation>用来学习的文本 (*.txt *.md)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <source>%1: learning it as %2; press Run.</source>
        <translation>%1：按%2学习；请按“运行”。</translation>
    </message>
    <message>
        <source>one example per line</source>
        <translation>每行一个样本</translation>
    </message>
    <message>
        <source>running text</source>
        <translation>连续文本</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>序列模型</translation>
    </message>
    <message>
        <source>RNN, GRU and LSTM learn characters: invent dinosaur names, write Shakespeare, see the gates</source>
        <translation>循环神经网络（RNN）、门控循环单元（GRU）和长短期记忆（LSTM）学习字符：编造恐龙名字、写莎士比亚、观察门</translation>
    </message>
    <message>
        <source>Saved the model to %1.</source>
        <translation>已将模型保存到 %1。</translation>
    </message>
    <message>
        <source>ROMEO:
What light through yonder window breaks?</source>
        <translation>ROMEO:
What light through yonder window breaks?</translation>
    </message>
    <message>
        <source>The corpus %1 is missing: %2 Or choose your own text file.</source>
        <translation>语料 %1 缺失：%2 或者选择你自己的文本文件。</translation>
    </message>
    <message>
        <source>A setting of the run changed: Run starts a new run.</source>
        <translation>运行的一项设置改变了：“运行”会开始新的一次运行。</translation>
    </message>
    <message>
        <source>Choose a corpus first.</source>
        <translation>请先选择一个语料。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Paused: change α, the temperature or top-k, then Continue.</source>
        <translation>已暂停：修改 α、温度或 top-k，然后继续。</translation>
    </message>
    <message>
        <source>Reset: a new model with the current settings.</source>
        <translation>已重置：用当前设置建立的新模型。</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>%1 nats/char</source>
        <translation>%1 奈特/字符</translation>
    </message>
    <message>
        <source>smoothed %1</source>
        <translation>平滑后 %1</translation>
    </message>
    <message>
        <source>dev %1 nats/char</source>
        <translation>开发 %1 奈特/字符</translation>
    </message>
    <message>
        <source>%1 chars/s</source>
        <translation>%1 字符/秒</translation>
    </message>
    <message>
        <source>Done: %1 steps.</source>
        <translation>完成：%1 步。</translation>
    </message>
    <message>
        <source>vowels</source>
        <translation>元音</translation>
    </message>
    <message>
        <source>inside quotes</source>
        <translation>引号之内</translation>
    </message>
    <message>
        <source>position in the line</source>
        <translation>在行中的位置</translation>
    </message>
    <message>
        <source>spaces</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Read a text first: type one above and press Read.</source>
        <translation>请先读一段文本：在上面输入并按“读取”。</translation>
    </message>
    <message>
        <source>Unit %1 tracks %2 best in this text: r = %3.</source>
        <translation>单元 %1 在这段文本中最贴合 %2：r = %3。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Next character after %1 characters:&lt;/b&gt; </source>
        <translation>&lt;b&gt;%1 个字符之后的下一个字符：&lt;/b&gt; </translation>
    </message>
    <message>
        <source>Dinosaur names (the course)</source>
        <translation>恐龙名字（课程）</translation>
    </message>
    <message>
        <source>Tiny Shakespeare</source>
        <translation>Tiny Shakespeare</translation>
    </message>
    <message>
        <source>Your text file…</source>
        <translation>你的文本文件…</translation>
    </message>
    <message>
        <source>Any UTF-8 text works; its most frequent 256 characters are the vocabulary</source>
        <translation>任何 UTF-8 文本都行；出现最频繁的 256 个字符构成词表</translation>
    </message>
    <message>
        <source>RNN</source>
        <translation>RNN</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>RNN: a = tanh(Waa a + Wax x + b). GRU: update and reset gates. LSTM: update, forget and output gates and a cell state (COURSE.md §11)</source>
        <translation>RNN（循环神经网络）：a = tanh(Waa a + Wax x + b)。GRU（门控循环单元）：更新门和重置门。LSTM（长短期记忆）：更新门、遗忘门、输出门和细胞状态（COURSE.md §11）</translation>
    </message>
    <message>
        <source>Hidden units per layer (the course: 50)</source>
        <translation>每层的隐藏单元数（课程：50）</translation>
    </message>
    <message>
        <source>Stacked recurrent layers: the notes' deep RNN</source>
        <translation>堆叠的循环层：笔记中的深层 RNN</translation>
    </message>
    <message>
        <source>Running text: characters per window, where backpropagation through time stops</source>
        <translation>连续文本：每个窗口的字符数，即随时间反向传播截止之处</translation>
    </message>
    <message>
        <source>Lines, or parallel tracks of running text, per step</source>
        <translation>每步的行数，或连续文本的并行轨道数</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>α; changes apply at the next step (marked on the curve)</source>
        <translation>α；更改在下一步生效（标在曲线上）</translation>
    </message>
    <message>
        <source>clip by value ±</source>
        <translation>按值裁剪 ±</translation>
    </message>
    <message>
        <source>clip by norm</source>
        <translation>按范数裁剪</translation>
    </message>
    <message>
        <source>no clipping</source>
        <translation>不裁剪</translation>
    </message>
    <message>
        <source>The course clips every gradient entry to ±5 against exploding gradients</source>
        <translation>课程把每个梯度元素裁剪到 ±5，以防梯度爆炸</translation>
    </message>
    <message>
        <source>Dropout keep probability between the layers and below the softmax, never on the recurrent connections (Zaremba et al. 2014); 1: no dropout. Against overfitting a large model on a small corpus: watch the dev loss</source>
        <translation>层与层之间以及 softmax 之下的 dropout 保留概率，从不用在循环连接上（Zaremba 等，2014）；1：不用 dropout。用于防止大模型在小语料上过拟合：请观察开发集损失</translation>
    </message>
    <message>
        <source>Training steps of the run</source>
        <translation>这次运行的训练步数</translation>
    </message>
    <message>
        <source>Steps between samples (0: only when you press Sample now)</source>
        <translation>两次采样之间的步数（0：只在按“立即采样”时）</translation>
    </message>
    <message>
        <source>ŷ ∝ exp(z / τ): below 1 the likely characters win more often, above 1 less</source>
        <translation>ŷ ∝ exp(z / τ)：小于 1 时可能的字符更常胜出，大于 1 时则更少</translation>
    </message>
    <message>
        <source>Draw among the k most likely characters only (0: all)</source>
        <translation>只在最可能的 k 个字符中抽取（0：全部）</translation>
    </message>
    <message>
        <source>start each sample with…</source>
        <translation>每个样本以此开头…</translation>
    </message>
    <message>
        <source>Sample now</source>
        <translation>立即采样</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Dropout keep</source>
        <translation>Dropout 保留</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Sample every</source>
        <translation>采样间隔</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Prime</source>
        <translation>开头</translation>
    </message>
    <message>
        <source>Samples appear here as they are drawn, character by character.</source>
        <translation>样本抽取时逐字符显示在这里。</translation>
    </message>
    <message>
        <source>Training and samples</source>
        <translation>训练与采样</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>The hidden unit whose activation colours the text</source>
        <translation>用其激活给文本着色的隐藏单元</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Find the unit</source>
        <translation>查找单元</translation>
    </message>
    <message>
        <source>The unit whose activation over the text correlates most with the feature</source>
        <translation>在文本上的激活与该特征相关性最高的单元</translation>
    </message>
    <message>
        <source>tracking</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>Look inside</source>
        <translation>看看内部</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Gradient clipping: every entry to ±c, or the whole gradient's norm to c, or none</source>
        <translation>梯度裁剪：每个元素裁剪到 ±c，或把整个梯度的范数裁剪到 c，或不裁剪</translation>
    </message>
    <message>
        <source>Sequence: export to ONNX (50 steps unrolled)…</source>
        <translation>序列：导出为 ONNX（展开 50 步）…</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>导出为 ONNX</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Sequence: export to PyTorch…</source>
        <translation>序列：导出为 PyTorch…</translation>
    </message>
    <message>
        <source>A folder for the PyTorch experiment (model.py, weights, train.py)</source>
        <translation>存放 PyTorch 实验的文件夹（model.py、权重、train.py）</translation>
    </message>
</context>
<context>
    <name>lab::SequenceWorker</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 to train on, %3 symbols; %4 %5 × %6, %7 parameters</source>
        <translation>%1：%2 用于训练，%3 个符号；%4 %5 × %6，%7 个参数</translation>
    </message>
    <message>
        <source>Nothing to train: choose a corpus first.</source>
        <translation>没有可训练的内容：请先选择一个语料。</translation>
    </message>
    <message>
        <source>The run has done its %1 steps; raise Steps to continue, or press Reset.</source>
        <translation>这次运行已完成 %1 步；提高“步数”以继续，或按“重置”。</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>Nothing to save yet: choose a corpus and train first.</source>
        <translation>还没有可保存的内容：请先选择语料并训练。</translation>
    </message>
</context>
<context>
    <name>lab::SeriesPlot</name>
    <message>
        <source>dashed: %1</source>
        <translation>虚线：%1</translation>
    </message>
</context>
<context>
    <name>lab::StudyRunner</name>
    <message>
        <source>Run experiment</source>
        <translation>运行实验</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1：完成。</translation>
    </message>
    <message>
        <source>%1: stopped.</source>
        <translation>%1：已停止。</translation>
    </message>
    <message>
        <source>%1: running.</source>
        <translation>%1：运行中。</translation>
    </message>
    <message>
        <source>Run the experiment first; the file keeps its settings and its numbers.</source>
        <translation>请先运行实验；文件保存它的设置和它的数字。</translation>
    </message>
    <message>
        <source>Let the experiment finish first (or run it again): a cut-short run does not replay.</source>
        <translation>请先让实验完成（或重新运行）：中途停止的运行无法重放。</translation>
    </message>
</context>
<context>
    <name>lab::StudyView</name>
    <message>
        <source>Pick an experiment and press Run experiment.</source>
        <translation>选择一个实验并按“运行实验”。</translation>
    </message>
</context>
<context>
    <name>lab::StylePage</name>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp);;All files (*)</source>
        <translation>图像 (*.jpg *.jpeg *.png *.bmp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Style: content photo…</source>
        <translation>风格：内容照片…</translation>
    </message>
    <message>
        <source>Content photo</source>
        <translation>内容照片</translation>
    </message>
    <message>
        <source>Style: style painting…</source>
        <translation>风格：风格画作…</translation>
    </message>
    <message>
        <source>Style painting</source>
        <translation>风格画作</translation>
    </message>
    <message>
        <source>Style: save the generated image (PNG)…</source>
        <translation>风格：保存生成的图像 (PNG)…</translation>
    </message>
    <message>
        <source>Save the generated image</source>
        <translation>保存生成的图像</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Style runs (*.json)</source>
        <translation>风格迁移运行 (*.json)</translation>
    </message>
    <message>
        <source>%1: %2 in the style of %3, %4 iterations; press Run to repeat it.</source>
        <translation>%1：%2 以 %3 的风格，%4 次迭代；按“运行”重复它。</translation>
    </message>
    <message numerus="yes">
        <source>Its %n change(s) made while paused are not replayed here; dlcli style --replay %1 repeats them.</source>
        <translation>
            <numerusform>暂停时做的 %n 处更改不会在这里重放；dlcli style --replay %1 会重复它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Style</source>
        <translation>风格迁移</translation>
    </message>
    <message>
        <source>Neural style transfer: paint a photo in the style of a painting, watching the costs fall (course chapter 10)</source>
        <translation>神经风格迁移：以一幅画的风格画一张照片，看着代价下降（课程第 10 章）</translation>
    </message>
    <message>
        <source>Content C</source>
        <translation>内容 C</translation>
    </message>
    <message>
        <source>Style S</source>
        <translation>风格 S</translation>
    </message>
    <message>
        <source>Generated G</source>
        <translation>生成 G</translation>
    </message>
    <message>
        <source>Choose a content photo</source>
        <translation>选择一张内容照片</translation>
    </message>
    <message>
        <source>Choose a style painting</source>
        <translation>选择一幅风格画作</translation>
    </message>
    <message>
        <source>Press Run: G starts from the content plus noise and takes on the style</source>
        <translation>按“运行”：G 从内容加噪声开始，逐渐获得风格</translation>
    </message>
    <message>
        <source>J_content</source>
        <translation>J_content</translation>
    </message>
    <message>
        <source>J_style = Σ λ_l J_style[l]</source>
        <translation>J_style = Σ λ_l J_style[l]</translation>
    </message>
    <message>
        <source>J = α J_content + β J_style</source>
        <translation>J = α J_content + β J_style</translation>
    </message>
    <message>
        <source>iteration (one forward + backward each)</source>
        <translation>迭代（每次一个前向 + 反向）</translation>
    </message>
    <message>
        <source>cost (log)</source>
        <translation>代价（对数）</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>Which style layer's Gram matrices to compare</source>
        <translation>比较哪个风格层的 Gram 矩阵</translation>
    </message>
    <message>
        <source>Style layer</source>
        <translation>风格层</translation>
    </message>
    <message>
        <source>Gram matrices</source>
        <translation>Gram 矩阵</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Tick at least one style layer.</source>
        <translation>请至少勾选一个风格层。</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>%1: Run starts a new run.</source>
        <translation>%1：“运行”会开始新的一次运行。</translation>
    </message>
    <message>
        <source>New content photo</source>
        <translation>新的内容照片</translation>
    </message>
    <message>
        <source>New style painting</source>
        <translation>新的风格画作</translation>
    </message>
    <message>
        <source>Choose a content photo and a style painting first.</source>
        <translation>请先选择一张内容照片和一幅风格画作。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>Paused: change α, β, layers or the optimiser, then Continue.</source>
        <translation>已暂停：修改 α、β、层或优化器，然后继续。</translation>
    </message>
    <message>
        <source>Reset: G is back at its start point.</source>
        <translation>已重置：G 回到了起点。</translation>
    </message>
    <message>
        <source>Content C (%1×%2)</source>
        <translation>内容 C（%1×%2）</translation>
    </message>
    <message>
        <source>Style S (cover + centre crop)</source>
        <translation>风格 S（覆盖 + 居中裁剪）</translation>
    </message>
    <message>
        <source>Generated G — iteration %1</source>
        <translation>生成 G — 第 %1 次迭代</translation>
    </message>
    <message>
        <source>Generated G — start point</source>
        <translation>生成 G — 起点</translation>
    </message>
    <message>
        <source>%1 ms/iteration · J_content %2 · J_style %3 · J %4</source>
        <translation>%1 毫秒/次迭代 · J_content %2 · J_style %3 · J %4</translation>
    </message>
    <message>
        <source>iteration %1/%2</source>
        <translation>迭代 %1/%2</translation>
    </message>
    <message>
        <source>%1 ms/iteration</source>
        <translation>%1 毫秒/次迭代</translation>
    </message>
    <message>
        <source>J %1</source>
        <translation>J %1</translation>
    </message>
    <message>
        <source>Done: %1 iterations. Save PNG, raise Iterations and Continue, or Run again.</source>
        <translation>完成：%1 次迭代。保存 PNG，提高“迭代次数”并继续，或再运行一次。</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>再运行一次</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图像 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>The photo whose layout G keeps</source>
        <translation>G 保留其布局的照片</translation>
    </message>
    <message>
        <source>The painting whose textures and colours G takes</source>
        <translation>G 采用其纹理和颜色的画作</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Longest side of G (the content's aspect is kept). Time per iteration grows with the pixels.</source>
        <translation>G 的最长边（保持内容的宽高比）。每次迭代的时间随像素数增长。</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>输出尺寸</translation>
    </message>
    <message>
        <source>Each iteration is one forward and one backward pass of the extractor</source>
        <translation>每次迭代是特征提取网络的一次前向和一次反向传播</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>α content</source>
        <translation>α 内容</translation>
    </message>
    <message>
        <source>Weight of J_content (log scale, 0.01 … 100)</source>
        <translation>J_content 的权重（对数刻度，0.01 … 100）</translation>
    </message>
    <message>
        <source>β style</source>
        <translation>β 风格</translation>
    </message>
    <message>
        <source>Weight of J_style (log scale, 1 … 10⁶)</source>
        <translation>J_style 的权重（对数刻度，1 … 10⁶）</translation>
    </message>
    <message>
        <source>The layer whose activations G must match C's (J_content)</source>
        <translation>G 的激活必须与 C 的相符的层（J_content）</translation>
    </message>
    <message>
        <source>Content layer</source>
        <translation>内容层</translation>
    </message>
    <message>
        <source>Style layers (tick) and their weights λ_l:</source>
        <translation>风格层（勾选）及其权重 λ_l：</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <source>content + noise</source>
        <translation>内容 + 噪声</translation>
    </message>
    <message>
        <source>content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Where G starts (COURSE.md §10: the content plus noise)</source>
        <translation>G 从哪里开始（COURSE.md §10：内容加噪声）</translation>
    </message>
    <message>
        <source>content + noise: each pixel moves by up to this much (pixels are 0…1)</source>
        <translation>内容 + 噪声：每个像素最多移动这么多（像素取值 0…1）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Seed of the starting noise</source>
        <translation>起始噪声的种子</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>L-BFGS (better)</source>
        <translation>L-BFGS（更好）</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>L-BFGS uses the last gradients as curvature; Adam (the course lab's choice) is simpler</source>
        <translation>L-BFGS 把最近的梯度用作曲率信息；Adam（课程作业的选择）更简单</translation>
    </message>
    <message>
        <source>Adam: step size on pixels in 0…1. L-BFGS: first trial step of each line search</source>
        <translation>Adam：像素（0…1）上的步长。L-BFGS：每次线搜索的首个试探步长</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start again from the start point with the current settings</source>
        <translation>用当前设置从起点重新开始</translation>
    </message>
    <message>
        <source>%v / %m iterations</source>
        <translation>%v / %m 次迭代</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <source>G at full resolution of the chosen size</source>
        <translation>所选尺寸下全分辨率的 G</translation>
    </message>
    <message>
        <source>Save run…</source>
        <translation>保存运行…</translation>
    </message>
    <message>
        <source>A JSON file with the images, settings and every change: dlcli style --replay FILE repeats it</source>
        <translation>包含图像、设置和每一处更改的 JSON 文件：dlcli style --replay FILE 会重复它</translation>
    </message>
    <message>
        <source>Copy CLI</source>
        <translation>复制命令行</translation>
    </message>
    <message>
        <source>Copy the dlcli command that runs these settings</source>
        <translation>复制运行这些设置的 dlcli 命令</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>Save the run</source>
        <translation>保存运行</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>New size</source>
        <translation>新的尺寸</translation>
    </message>
    <message>
        <source>New start point</source>
        <translation>新的起点</translation>
    </message>
    <message>
        <source>New noise amount</source>
        <translation>新的噪声量</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>新的种子</translation>
    </message>
    <message>
        <source>— sample paintings —</source>
        <translation>— 示例画作 —</translation>
    </message>
    <message>
        <source>— sample photos —</source>
        <translation>— 示例照片 —</translation>
    </message>
</context>
<context>
    <name>lab::StyleWorker</name>
    <message>
        <source>Nothing to run: choose a content photo and a style painting first.</source>
        <translation>没有可运行的内容：请先选择一张内容照片和一幅风格画作。</translation>
    </message>
    <message>
        <source>The run has done its %1 iterations; raise Iterations to continue, or press Reset.</source>
        <translation>这次运行已完成 %1 次迭代；提高“迭代次数”以继续，或按“重置”。</translation>
    </message>
    <message>
        <source>Nothing to save yet: run the style transfer first.</source>
        <translation>还没有可保存的内容：请先运行风格迁移。</translation>
    </message>
    <message>
        <source>Nothing to save yet: choose the images first.</source>
        <translation>还没有可保存的内容：请先选择图像。</translation>
    </message>
</context>
<context>
    <name>lab::TrainingWorker</name>
    <message>
        <source>Reached the iteration limit (%1); raise it in the Hyperparameters dialog or press Reset.</source>
        <translation>已达到迭代上限（%1）；在“超参数”对话框中提高它，或按“重置”。</translation>
    </message>
    <message>
        <source>Stopped at the iteration limit (%1).</source>
        <translation>在迭代上限（%1）处停止。</translation>
    </message>
    <message>
        <source>This run continues a loaded model, so it cannot be replayed from step 0; use File ▸ Playground: save model instead, or press Reset first.</source>
        <translation>这次运行接续的是一个载入的模型，因此无法从第 0 步重放；请改用 文件 ▸ 游乐场：保存模型，或先按“重置”。</translation>
    </message>
    <message>
        <source>Saved %1 (%2 steps, %3 changes).</source>
        <translation>已保存 %1（%2 步，%3 处更改）。</translation>
    </message>
    <message>
        <source>Replay stopped at step %1 of %2.</source>
        <translation>重放停在第 %1 步（共 %2 步）。</translation>
    </message>
    <message>
        <source>Replayed %1: %2 steps.</source>
        <translation>已重放 %1：%2 步。</translation>
    </message>
    <message>
        <source>Saved the model to %1 at step %2.</source>
        <translation>已在第 %2 步把模型保存到 %1。</translation>
    </message>
    <message>
        <source>Loaded %1 at step %2.</source>
        <translation>已载入 %1，位于第 %2 步。</translation>
    </message>
</context>
<context>
    <name>lab::TransformTab</name>
    <message>
        <source>min-max</source>
        <translation>最小-最大</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>z 分数</translation>
    </message>
    <message>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>min %1 · max %2 · mean %3 · sd %4</source>
        <translation>最小 %1 · 最大 %2 · 均值 %3 · 标准差 %4</translation>
    </message>
    <message>
        <source>%1 pictures of %2 values; %3 directions with variance (largest eigenvalue %4); %5 s.</source>
        <translation>%1 张图片，每张 %2 个值；%3 个有方差的方向（最大特征值 %4）；%5 秒。</translation>
    </message>
    <message numerus="yes">
        <source>Whitened %n pictures.</source>
        <translation>
            <numerusform>已白化 %n 张图片。</numerusform>
        </translation>
    </message>
    <message>
        <source>A column of the table open in "Clean a table"</source>
        <translation>在“清洗表格”中打开的表格的一列</translation>
    </message>
    <message>
        <source>Open a table in "Clean a table" first.</source>
        <translation>请先在“清洗表格”中打开一个表格。</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>transformation</source>
        <translation>变换</translation>
    </message>
    <message>
        <source>Fashion-MNIST test pictures</source>
        <translation>Fashion-MNIST 测试图片</translation>
    </message>
    <message>
        <source>resized to 14×14</source>
        <translation>缩放到 14×14</translation>
    </message>
    <message>
        <source>centre 20×20 cropped</source>
        <translation>居中裁剪 20×20</translation>
    </message>
    <message>
        <source>down-sampled ÷4</source>
        <translation>下采样 ÷4</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>28×28</source>
        <translation>28×28</translation>
    </message>
    <message>
        <source>14×14</source>
        <translation>14×14</translation>
    </message>
    <message>
        <source>7×7</source>
        <translation>7×7</translation>
    </message>
    <message>
        <source>ZCA</source>
        <translation>ZCA</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>ε added to each eigenvalue: small directions are not blown up (0: exact whitening)</source>
        <translation>加到每个特征值上的 ε：小方向不会被放大过头（0：精确白化）</translation>
    </message>
    <message>
        <source>Whiten</source>
        <translation>白化</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>change</source>
        <translation>变换</translation>
    </message>
    <message>
        <source>whiten</source>
        <translation>白化</translation>
    </message>
    <message>
        <source>pictures at</source>
        <translation>张图片，尺寸</translation>
    </message>
    <message>
        <source>with</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>变换后</translation>
    </message>
    <message>
        <source>whitening's input</source>
        <translation>白化的输入</translation>
    </message>
    <message>
        <source>whitened</source>
        <translation>白化后</translation>
    </message>
    <message>
        <source>covariance before</source>
        <translation>之前的协方差</translation>
    </message>
    <message>
        <source>covariance after</source>
        <translation>之后的协方差</translation>
    </message>
    <message>
        <source>Press Whiten</source>
        <translation>请按“白化”</translation>
    </message>
    <message>
        <source>The table has no numeric column.</source>
        <translation>表格中没有数值列。</translation>
    </message>
    <message numerus="yes">
        <source>%n numbers. </source>
        <translation>
            <numerusform>%n 个数。</numerusform>
        </translation>
    </message>
    <message>
        <source>share of the values %</source>
        <translation>值的比例 %</translation>
    </message>
    <message>
        <source>before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>after</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Press Whiten to load the pictures</source>
        <translation>按“白化”来载入图片</translation>
    </message>
    <message>
        <source>%1 (%2×%3)</source>
        <translation>%1（%2×%3）</translation>
    </message>
    <message>
        <source>ZCA-whitened</source>
        <translation>ZCA 白化后</translation>
    </message>
    <message>
        <source>PCA coordinates (largest first), not a picture</source>
        <translation>PCA 坐标（从最大的开始），不是图片</translation>
    </message>
</context>
<context>
    <name>lab::TripletTab</name>
    <message>
        <source>Press Run: the test images of every class appear here, placed by their encoding.</source>
        <translation>按“运行”：每个类别的测试图像按它们的编码摆放在这里。</translation>
    </message>
    <message>
        <source>triplet loss of the batch</source>
        <translation>批次的三元组损失</translation>
    </message>
    <message>
        <source>loss J</source>
        <translation>损失 J</translation>
    </message>
    <message>
        <source>one-shot on held-out classes</source>
        <translation>留出类别上的单样本准确率</translation>
    </message>
    <message>
        <source>active triplets</source>
        <translation>活跃三元组</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Per epoch: one-shot accuracy on the held-out classes (epoch 0: untrained) and the share of triplets with a loss above 0; dashed: chance</source>
        <translation>每轮：留出类别上的单样本准确率（第 0 轮：未训练）和损失大于 0 的三元组比例；虚线：随机水平</translation>
    </message>
    <message>
        <source>|f(xᵢ) − f(xⱼ)| classifier: %1 % of %2 held-out pairs right (chance 50 %)</source>
        <translation>|f(xᵢ) − f(xⱼ)| 分类器：%2 对留出配对中答对 %1 %（随机 50 %）</translation>
    </message>
    <message>
        <source>Network and data</source>
        <translation>网络与数据</translation>
    </message>
    <message>
        <source>Run builds a new network when one of these changed; Reset always does.</source>
        <translation>其中一项改变时，“运行”会建立新网络；“重置”总是如此。</translation>
    </message>
    <message>
        <source>Classes the network never trains on: one-shot accuracy is measured on them (Fashion-MNIST: 7 sneaker, 8 bag, 9 ankle boot).</source>
        <translation>网络从不用来训练的类别：在它们上面测量单样本准确率（Fashion-MNIST：7 运动鞋、8 包、9 短靴）。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Training images per trained class (fewer: faster epochs).</source>
        <translation>每个参与训练的类别的训练图像数（越少：每轮越快）。</translation>
    </message>
    <message>
        <source>Test images per held-out class the one-shot accuracy is measured on after each epoch (fewer: faster epochs, a noisier curve).</source>
        <translation>每轮之后用来测量单样本准确率的、每个留出类别的测试图像数（越少：每轮越快，曲线越嘈杂）。</translation>
    </message>
    <message>
        <source>Embedding size D: 2 is drawn as it is, more through PCA (the two directions of largest variance).</source>
        <translation>嵌入维度 D：2 维直接画出，更高维经 PCA 画出（方差最大的两个方向）。</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Fashion</source>
        <translation>Fashion</translation>
    </message>
    <message>
        <source>Back to Fashion-MNIST</source>
        <translation>回到 Fashion-MNIST</translation>
    </message>
    <message>
        <source>held-out classes</source>
        <translation>留出类别</translation>
    </message>
    <message>
        <source>images per class</source>
        <translation>每类图像数</translation>
    </message>
    <message>
        <source>one-shot test per class</source>
        <translation>每类单样本测试数</translation>
    </message>
    <message>
        <source>embedding size D</source>
        <translation>嵌入维度 D</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>semi-hard</source>
        <translation>半难例</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>hard</source>
        <translation>难例</translation>
    </message>
    <message>
        <source>Which negative each anchor–positive pair gets within the batch: random; semi-hard, the nearest farther than the positive (FaceNet); hard, the nearest of all.</source>
        <translation>每个锚点–正例对在批次内得到哪个负例：随机；半难例，比正例远的最近者（FaceNet）；难例，所有中最近者。</translation>
    </message>
    <message>
        <source>triplets</source>
        <translation>三元组</translation>
    </message>
    <message>
        <source>learning rate (Adam)</source>
        <translation>学习率（Adam）</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Train the |f(xᵢ) − f(xⱼ)| classifier</source>
        <translation>训练 |f(xᵢ) − f(xⱼ)| 分类器</translation>
    </message>
    <message>
        <source>The course's alternative to the triplet loss: a logistic unit on the absolute difference of two encodings, trained on pairs of the trained classes, tested on pairs of the held-out ones.</source>
        <translation>课程中三元组损失的替代方案：在两个编码之差的绝对值上接一个逻辑单元，用训练类别的配对训练，用留出类别的配对测试。</translation>
    </message>
    <message>
        <source>Images, one sub-folder per class</source>
        <translation>图像，每个类别一个子文件夹</translation>
    </message>
    <message>
        <source>margin α = %1</source>
        <translation>间隔 α = %1</translation>
    </message>
    <message>
        <source>building the network…</source>
        <translation>正在建立网络…</translation>
    </message>
    <message>
        <source>training the classifier…</source>
        <translation>正在训练分类器…</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>随机水平</translation>
    </message>
    <message>
        <source>The network is built: one-shot accuracy untrained %1 % (chance %2 %); press Run.</source>
        <translation>网络已建立：未训练时单样本准确率 %1 %（随机 %2 %）；请按“运行”。</translation>
    </message>
    <message>
        <source>Epoch %1: one-shot accuracy %2 %, %3 % of the triplets active, loss %4.</source>
        <translation>第 %1 轮：单样本准确率 %2 %，%3 % 的三元组活跃，损失 %4。</translation>
    </message>
    <message>
        <source>PCA of the %1-D encodings: %2 % + %3 % of the variance; rings: held-out classes</source>
        <translation>%1 维编码的 PCA：方差的 %2 % + %3 %；圆环：留出类别</translation>
    </message>
    <message>
        <source>the 2-D encodings as they are (on the unit circle); rings: held-out classes</source>
        <translation>二维编码原样画出（在单位圆上）；圆环：留出类别</translation>
    </message>
    <message>
        <source>%1 training images, %2 held-out test images, %3 parameters, D = %4.&lt;br&gt;epoch %5, step %6, α = %7, active triplets in the last batch %8 %.</source>
        <translation>%1 张训练图像，%2 张留出测试图像，%3 个参数，D = %4。&lt;br&gt;第 %5 轮，第 %6 步，α = %7，最近一批中活跃三元组 %8 %。</translation>
    </message>
    <message>
        <source>&lt;br&gt;One-shot accuracy on the held-out classes: untrained %1 %</source>
        <translation>&lt;br&gt;留出类别上的单样本准确率：未训练 %1 %</translation>
    </message>
    <message>
        <source>, after epoch %1 %2 % (%3 s of training)</source>
        <translation>，第 %1 轮后 %2 %（训练 %3 秒）</translation>
    </message>
    <message>
        <source>; chance %1 %.</source>
        <translation>；随机 %1 %。</translation>
    </message>
</context>
<context>
    <name>lab::TripletWorker</name>
    <message>
        <source>reading the images…</source>
        <translation>正在读取图像…</translation>
    </message>
    <message>
        <source>one-shot accuracy before training…</source>
        <translation>训练前的单样本准确率…</translation>
    </message>
    <message>
        <source>There is no network to train: its settings were refused (the message before says why); change them and press Run.</source>
        <translation>没有可训练的网络：它的设置被拒绝了（前一条消息说明了原因）；修改后按“运行”。</translation>
    </message>
    <message>
        <source>α %1 → %2</source>
        <translation>α %1 → %2</translation>
    </message>
    <message>
        <source>lr %1 → %2</source>
        <translation>学习率 %1 → %2</translation>
    </message>
    <message>
        <source>training the |f(xi) − f(xj)| classifier on the embedding…</source>
        <translation>正在嵌入上训练 |f(xi) − f(xj)| 分类器…</translation>
    </message>
</context>
<context>
    <name>lab::UnitHeatMap</name>
    <message>
        <source>Every hidden unit (rows) over the text (columns); click a row to colour the text by that unit</source>
        <translation>每个隐藏单元（行）在文本（列）上的激活；点击一行，用该单元给文本着色</translation>
    </message>
    <message>
        <source>unit 0</source>
        <translation>单元 0</translation>
    </message>
</context>
<context>
    <name>lab::VectorStripView</name>
    <message numerus="yes">
        <source>%n numbers; colour: blue below 0, red above, full at ±%1</source>
        <translation>
            <numerusform>%n 个数；颜色：低于 0 为蓝，高于 0 为红，±%1 时最饱和</numerusform>
        </translation>
    </message>
</context>
</TS>