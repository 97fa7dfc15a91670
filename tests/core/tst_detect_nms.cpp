// SPDX-License-Identifier: MIT
// IoU, greedy NMS and YOLO decoding by hand (STYLE.md "Detection"): disjoint, identical, contained, ties,
// empty input; a 2×3 (non-square) grid decoded for [yolo] and [region]; letterbox and pad-square mappings.
#include "core/detect/nms.h"
#include "core/models/photo.h"
#include "core/detect/yolo_decode.h"

#include <QTest>
#include <cmath>

namespace {

dl::Detection det(float x1, float y1, float x2, float y2, float score, int cls = 0)
{
    dl::Detection d;
    d.box = {x1, y1, x2, y2};
    d.score = score;
    d.cls = cls;
    return d;
}

float sigmoid(float x)
{
    return 1.f / (1.f + std::exp(-x));
}

} // namespace

class TstDetectNms : public QObject {
    Q_OBJECT
  private slots:
    void iouCases()
    {
        const dl::Box a{0, 0, 0.5f, 0.5f};
        QCOMPARE(dl::iou(a, a), 1.f);                             // identical
        QCOMPARE(dl::iou(a, dl::Box{0.5f, 0.5f, 1, 1}), 0.f);     // touching corners: disjoint
        QCOMPARE(dl::iou(a, dl::Box{0.6f, 0, 1, 0.5f}), 0.f);     // disjoint
        QCOMPARE(dl::iou(a, dl::Box{0, 0, 0.25f, 0.25f}), 0.25f); // contained: 1/16 over 1/4
        // half overlap: inter 0.25·0.5 = 0.125, union 0.25 + 0.25 − 0.125 = 0.375 → 1/3
        QVERIFY(std::fabs(dl::iou(a, dl::Box{0.25f, 0, 0.75f, 0.5f}) - 1.f / 3) < 1e-6f);
        QCOMPARE(dl::iou(a, dl::Box{0.2f, 0.2f, 0.2f, 0.4f}), 0.f); // empty box
        QCOMPARE(dl::iou(dl::Box{}, dl::Box{}), 0.f);
    }
    void nmsEmpty()
    {
        const dl::NmsResult r = dl::nonMaxSuppression({}, {});
        QVERIFY(r.kept.empty() && r.candidates.empty() && r.steps.empty());
    }
    void nmsGreedyPerClass()
    {
        std::vector<dl::Detection> d{
            det(0, 0, 0.5f, 0.5f, 0.6f),         // 0: suppressed by 1 (IoU 1/3 > 0.3)
            det(0.25f, 0, 0.75f, 0.5f, 0.9f),    // 1: best
            det(0.25f, 0, 0.75f, 0.5f, 0.8f, 1), // 2: same box, other class: survives per class
            det(0.8f, 0.8f, 1, 1, 0.2f),         // 3: below the score threshold
            det(0.6f, 0.6f, 0.9f, 0.9f, 0.5f),   // 4: disjoint, survives
        };
        dl::NmsOptions o;
        o.scoreThreshold = 0.25f;
        o.iouThreshold = 0.3f;
        dl::NmsResult r = dl::nonMaxSuppression(d, o);
        QCOMPARE(r.candidates, (std::vector<int>{1, 2, 0, 4}));
        QCOMPARE(r.kept, (std::vector<int>{1, 2, 4}));
        QCOMPARE(r.steps.size(), size_t(1));
        QCOMPARE(r.steps[0].kept, 1);
        QCOMPARE(r.steps[0].suppressed, 0);
        QVERIFY(std::fabs(r.steps[0].iou - 1.f / 3) < 1e-6f);
        o.perClass = false; // class-agnostic: the class-1 duplicate goes too
        r = dl::nonMaxSuppression(d, o);
        QCOMPARE(r.kept, (std::vector<int>{1, 4}));
        QCOMPARE(r.steps.size(), size_t(2));
        QCOMPARE(r.steps[0].suppressed, 2); // lower score first in the sweep order: 2 (0.8) then 0 (0.6)
        QCOMPARE(r.steps[1].suppressed, 0);
        o.iouThreshold = 0.33f; // IoU 1/3 > 0.33: suppressed; > 0.34 fails: both kept
        QCOMPARE(dl::nonMaxSuppression({d[0], d[1]}, o).kept.size(), size_t(1));
        o.iouThreshold = 0.34f;
        QCOMPARE(dl::nonMaxSuppression({d[0], d[1]}, o).kept.size(), size_t(2));
    }
    void nmsTiesKeepLowerIndexFirst()
    {
        std::vector<dl::Detection> d{det(0, 0, 0.4f, 0.4f, 0.7f), det(0.01f, 0, 0.41f, 0.4f, 0.7f),
                                     det(0.02f, 0, 0.42f, 0.4f, 0.7f)};
        const dl::NmsResult r = dl::nonMaxSuppression(d, {});
        QCOMPARE(r.candidates, (std::vector<int>{0, 1, 2}));
        QCOMPARE(r.kept, (std::vector<int>{0}));
        QCOMPARE(r.steps[0].suppressed, 1);
        QCOMPARE(r.steps[1].suppressed, 2);
    }
    void decodeYoloOnTwoByThreeGrid()
    {
        // One [yolo] head, 2 anchors, 2 classes, grid gh = 2 rows × gw = 3 cols, net 96 × 64 (w × h).
        dl::HeadSpec h;
        h.classes = 2;
        h.anchors = {24, 16, 48, 64};
        dl::Tensor out({1, 2 * 7, 2, 3}, -20.f); // objectness ≈ 0 everywhere ...
        auto set = [&](int a, int k, int row, int col, float v) {
            out[((a * 7 + k) * 2 + row) * 3 + col] = v;
        };
        // ... except anchor 1 at row 1, col 2: tx = ty = 0 (σ = 0.5), tw = ln 2, th = 0, to = 2, classes (−1,
        // 3)
        set(1, 0, 1, 2, 0);
        set(1, 1, 1, 2, 0);
        set(1, 2, 1, 2, std::log(2.f));
        set(1, 3, 1, 2, 0);
        set(1, 4, 1, 2, 2);
        set(1, 5, 1, 2, -1);
        set(1, 6, 1, 2, 3);
        dl::InputMapping m{192, 128, 96, 64, 1, 1, 0, 0}; // stretched: the photo is twice the net size
        const std::vector<dl::Detection> d = dl::decodeHead(out, h, 0, m, 0.01f);
        QCOMPARE(d.size(), size_t(2)); // both classes above the floor
        // cx = (2 + 0.5)/3, cy = (1 + 0.5)/2, w = 2·48/96 = 1, h = 64/64 = 1, clipped to the image
        const float cx = 2.5f / 3, cy = 0.75f;
        QCOMPARE(d[1].cls, 1);
        QCOMPARE(d[1].row, 1);
        QCOMPARE(d[1].col, 2);
        QCOMPARE(d[1].anchor, 1);
        QVERIFY(std::fabs(d[1].score - sigmoid(2) * sigmoid(3)) < 1e-6f);
        QVERIFY(std::fabs(d[0].score - sigmoid(2) * sigmoid(-1)) < 1e-6f);
        QVERIFY(std::fabs(d[1].box.x1 - (cx - 0.5f)) < 1e-6f);
        QCOMPARE(d[1].box.x2, 1.f);
        QVERIFY(std::fabs(d[1].box.y1 - (cy - 0.5f)) < 1e-6f);
        QCOMPARE(d[1].box.y2, 1.f);
        // scale_x_y = 2: cx = (col + σ·2 − 0.5)/gw = (2 + 1 − 0.5)/3
        h.scaleXY = 2;
        const std::vector<dl::Detection> s = dl::decodeHead(out, h, 0, m, 0.01f);
        QVERIFY(std::fabs((s[1].box.x1 + 0.5f) - 2.5f / 3) < 1e-6f);
    }
    void decodeRegionSoftmax()
    {
        dl::HeadSpec h;
        h.region = true;
        h.softmax = true;
        h.classes = 2;
        h.anchors = {1, 0.5f}; // in grid cells
        dl::Tensor out({1, 7, 2, 3}, 0.f);
        out[(4 * 2 + 0) * 3 + 0] = 10;            // row 0, col 0: objectness σ(10)
        out[(6 * 2 + 0) * 3 + 0] = std::log(3.f); // class logits (0, ln 3): softmax (1/4, 3/4)
        dl::InputMapping m{30, 20, 30, 20, 1, 1, 0, 0};
        const std::vector<dl::Detection> d = dl::decodeHead(out, h, 0, m, 0.6f);
        QCOMPARE(d.size(), size_t(1));
        QCOMPARE(d[0].cls, 1);
        QVERIFY(std::fabs(d[0].score - sigmoid(10) * 0.75f) < 1e-6f);
        // cx = 0.5/3, w = 1/3; cy = 0.5/2, h = 0.5/2
        QVERIFY(std::fabs(d[0].box.x1 - 0.f) < 1e-6f && std::fabs(d[0].box.x2 - 1.f / 3) < 1e-6f);
        QVERIFY(std::fabs(d[0].box.y1 - 0.125f) < 1e-6f && std::fabs(d[0].box.y2 - 0.375f) < 1e-6f);
        const std::vector<dl::Box> anchors = dl::anchorBoxes(h, 2, 3, 1, 2, m);
        QCOMPARE(anchors.size(), size_t(1));
        QVERIFY(std::fabs(anchors[0].x1 - 2.f / 3) < 1e-6f && std::fabs(anchors[0].y1 - 0.625f) < 1e-6f);
    }
    void letterboxMappingRoundTrip()
    {
        // A 200×100 photo letterboxed into 64×64: scaled to 64×32, 16 rows of grey above and below.
        dl::Photo p;
        p.width = 200, p.height = 100;
        p.rgb.assign(200 * 100 * 3, 255);
        dl::InputRecipe r;
        r.netW = r.netH = 64;
        r.fit = dl::InputFit::Letterbox;
        dl::InputMapping m;
        const dl::Tensor x = dl::makeNetInput(p, r, m);
        QCOMPARE(x[0], 0.5f);          // top-left: letterbox grey
        QCOMPARE(x[32 * 64 + 5], 1.f); // middle: the white photo
        QCOMPARE(x[63 * 64 + 5], 0.5f);
        // The photo's full extent in the net frame, y ∈ [16/64, 48/64], maps back to the whole image.
        const dl::Box b = dl::boxFromCenter(0.5f, 0.5f, 1.f, 0.5f, m);
        QVERIFY(std::fabs(b.x1) < 1e-6f && std::fabs(b.x2 - 1) < 1e-6f);
        QVERIFY(std::fabs(b.y1) < 1e-6f && std::fabs(b.y2 - 1) < 1e-6f);
    }
    void padSquareMapping()
    {
        // face-api: 300×150 padded to 300×300 (bottom), resized to 32: reshaped dims 32×16, sy = 2.
        dl::Photo p;
        p.width = 300, p.height = 150;
        p.rgb.assign(300 * 150 * 3, 200);
        dl::InputRecipe r;
        r.netW = r.netH = 32;
        r.fit = dl::InputFit::PadSquare;
        r.scale = 1;
        dl::InputMapping m;
        const dl::Tensor x = dl::makeNetInput(p, r, m);
        QCOMPARE(x[0], 200.f);
        QCOMPARE(x[31 * 32], 0.f); // padding below the photo is raw 0
        QCOMPARE(m.sx, 1.f);
        QCOMPARE(m.sy, 2.f);
        const dl::Box b = dl::boxFromCenter(0.25f, 0.25f, 0.5f, 0.5f, m);
        QCOMPARE(b.y2, 1.f);
    }
};

QTEST_APPLESS_MAIN(TstDetectNms)
#include "tst_detect_nms.moc"
