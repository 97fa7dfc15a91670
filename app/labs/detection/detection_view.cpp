// SPDX-License-Identifier: MIT
#include "app/labs/detection/detection_view.h"

#include "core/detect/yolo_decode.h"

#include <QMouseEvent>
#include <QPainter>
#include <cmath>

namespace lab {

QColor boxColor(int cls)
{
    return QColor::fromHsv(static_cast<int>(dl::classHue(cls)), 190, 235);
}

QString detectionLabel(const dl::Detection& d, const QStringList& classes)
{
    const QString name =
        d.cls >= 0 && d.cls < classes.size() ? classes[d.cls] : QString("class %1").arg(d.cls);
    return QString("%1 %2").arg(name).arg(d.score, 0, 'f', 2);
}

static QRectF pixelRect(const dl::Box& b, int w, int h)
{
    const dl::PixelRect r = dl::toPixels(b, w, h);
    return {r.x, r.y, r.w, r.h};
}

Scene buildScene(const DetectionResult& r, const dl::NmsResult& nms, const DetectionOptions& o,
                 const QStringList& classes)
{
    Scene s;
    const int w = r.photo.width(), h = r.photo.height();
    auto add = [&](int i, SceneBox::Kind kind, const QString& extra = {}) {
        const dl::Detection& d = r.candidates[static_cast<size_t>(i)];
        SceneBox b{pixelRect(d.box, w, h), boxColor(d.cls), detectionLabel(d, classes) + extra, kind,
                   i == o.selected};
        s.boxes.push_back(b);
    };
    if (o.nmsStep >= 0) {
        // Replay: candidates not yet removed, then the pair of this step (keeper solid, removed dashed).
        const int k = std::min<int>(o.nmsStep, static_cast<int>(nms.steps.size()));
        std::vector<char> gone(r.candidates.size(), 0);
        for (int i = 0; i < k; ++i)
            gone[static_cast<size_t>(nms.steps[static_cast<size_t>(i)].suppressed)] = 1;
        for (int i : nms.candidates)
            if (!gone[static_cast<size_t>(i)]) add(i, SceneBox::Candidate);
        if (k > 0) {
            const dl::NmsStep& st = nms.steps[static_cast<size_t>(k - 1)];
            add(st.kept, SceneBox::Keeper);
            add(st.suppressed, SceneBox::Suppressed, QString("  IoU %1").arg(st.iou, 0, 'f', 2));
            s.caption = QObject::tr("NMS step %1 of %2: %3 removed (dashed): IoU %4 > %5 with %6 (solid)")
                            .arg(k)
                            .arg(nms.steps.size())
                            .arg(detectionLabel(r.candidates[static_cast<size_t>(st.suppressed)], classes))
                            .arg(st.iou, 0, 'f', 2)
                            .arg(o.nms.iouThreshold, 0, 'f', 2)
                            .arg(detectionLabel(r.candidates[static_cast<size_t>(st.kept)], classes));
        } else {
            s.caption = QObject::tr("NMS step 0 of %1: %2 candidates with score ≥ %3, before any suppression")
                            .arg(nms.steps.size())
                            .arg(nms.candidates.size())
                            .arg(o.nms.scoreThreshold, 0, 'f', 2);
        }
    } else {
        if (o.showCandidates) {
            std::vector<char> kept(r.candidates.size(), 0);
            for (int i : nms.kept) kept[static_cast<size_t>(i)] = 1;
            for (int i : nms.candidates)
                if (!kept[static_cast<size_t>(i)]) add(i, SceneBox::Candidate);
        }
        for (int i : nms.kept) add(i, SceneBox::Kept);
        s.caption = QObject::tr("%1 detections from %2 candidates (score ≥ %3), NMS IoU > %4 %5")
                        .arg(nms.kept.size())
                        .arg(nms.candidates.size())
                        .arg(o.nms.scoreThreshold, 0, 'f', 2)
                        .arg(o.nms.iouThreshold, 0, 'f', 2)
                        .arg(o.nms.perClass ? QObject::tr("per class") : QObject::tr("across classes"));
    }
    if (o.gridHead >= 0 && o.gridHead < static_cast<int>(r.heads.size())) {
        const dl::HeadInfo& head = r.heads[static_cast<size_t>(o.gridHead)];
        s.gridRows = head.gh, s.gridCols = head.gw;
        s.gridRect = pixelRect(dl::boxFromCenter(0.5f, 0.5f, 1.f, 1.f, r.map), w, h);
        if (o.cellRow >= 0 && o.cellCol >= 0 && o.cellRow < head.gh && o.cellCol < head.gw) {
            s.cellRow = o.cellRow, s.cellCol = o.cellCol;
            const std::vector<dl::Box> anchors =
                dl::anchorBoxes(head.spec, head.gh, head.gw, o.cellRow, o.cellCol, r.map);
            for (size_t a = 0; a < anchors.size(); ++a) {
                const float aw = head.spec.anchors[2 * a], ah = head.spec.anchors[2 * a + 1];
                s.boxes.push_back(
                    {pixelRect(anchors[a], w, h), QColor(255, 255, 255),
                     QObject::tr("anchor %1 (%2×%3)").arg(a).arg(aw, 0, 'g', 4).arg(ah, 0, 'g', 4),
                     SceneBox::Anchor, false});
            }
            s.caption += QObject::tr(" · head %1 (%2×%3 grid), cell row %4, column %5: %6 anchors")
                             .arg(o.gridHead)
                             .arg(head.gh)
                             .arg(head.gw)
                             .arg(o.cellRow)
                             .arg(o.cellCol)
                             .arg(anchors.size());
        }
    }
    return s;
}

QByteArray detectionsJson(const DetectionResult& r, const dl::NmsResult& nms, const QStringList& classes,
                          const QString& model)
{
    std::vector<std::string> names;
    for (const QString& c : classes) names.push_back(c.toStdString());
    dl::Json o = dl::Json::object(); // the list itself as dlcli writes it (core/detect/detector.h)
    o.set("image", r.source.toStdString()).set("width", r.photo.width()).set("height", r.photo.height());
    o.set("model", model.toStdString()).set("seconds", r.seconds);
    o.set("detections", dl::detectionsJson(r.candidates, nms.kept, r.photo.width(), r.photo.height(), names));
    return QByteArray::fromStdString(o.dump(2));
}

bool cellAt(const DetectionResult& r, int head, QPointF px, int& row, int& col)
{
    if (head < 0 || head >= static_cast<int>(r.heads.size()) || r.photo.isNull()) return false;
    // Photo frame → network-input frame: the inverse of InputMapping (x_net = x_img/sx + ox).
    const float xn = static_cast<float>(px.x() / r.photo.width()) / r.map.sx + r.map.ox;
    const float yn = static_cast<float>(px.y() / r.photo.height()) / r.map.sy + r.map.oy;
    if (xn < 0 || xn >= 1 || yn < 0 || yn >= 1) return false;
    const dl::HeadInfo& h = r.heads[static_cast<size_t>(head)];
    col = static_cast<int>(xn * h.gw), row = static_cast<int>(yn * h.gh);
    return true;
}

void paintScene(QPainter& p, const QImage& photo, const Scene& scene, const QRectF& target)
{
    if (photo.isNull()) return;
    p.save();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(target, photo);
    const double sx = target.width() / photo.width(), sy = target.height() / photo.height();
    auto map = [&](const QRectF& r) {
        return QRectF(target.x() + r.x() * sx, target.y() + r.y() * sy, r.width() * sx, r.height() * sy);
    };
    p.setRenderHint(QPainter::Antialiasing);
    const double unit = std::max(1.0, std::min(target.width(), target.height()) / 400.0);
    if (scene.gridRows > 0) {
        const QRectF g = map(scene.gridRect);
        p.setPen(QPen(QColor(255, 255, 255, 150), 1));
        for (int c = 0; c <= scene.gridCols; ++c) {
            const double x = g.left() + g.width() * c / scene.gridCols;
            p.drawLine(QPointF(x, g.top()), QPointF(x, g.bottom()));
        }
        for (int r = 0; r <= scene.gridRows; ++r) {
            const double y = g.top() + g.height() * r / scene.gridRows;
            p.drawLine(QPointF(g.left(), y), QPointF(g.right(), y));
        }
        if (scene.cellRow >= 0) {
            const QRectF cell(g.left() + g.width() * scene.cellCol / scene.gridCols,
                              g.top() + g.height() * scene.cellRow / scene.gridRows,
                              g.width() / scene.gridCols, g.height() / scene.gridRows);
            p.fillRect(cell, QColor(255, 255, 0, 90));
        }
    }
    QFont f = p.font();
    f.setPixelSize(static_cast<int>(std::lround(11 * unit)));
    p.setFont(f);
    std::vector<QRectF> tags; // labels already placed: a new one that would cover one moves down
    for (const SceneBox& b : scene.boxes) {
        const QRectF r = map(b.rect);
        QColor c = b.color;
        QPen pen(c, 2 * unit);
        bool label = true;
        switch (b.kind) {
        case SceneBox::Kept:
            break;
        case SceneBox::Keeper:
            pen.setWidthF(3 * unit);
            break;
        case SceneBox::Candidate:
            c.setAlpha(110);
            pen = QPen(c, unit);
            label = false;
            break;
        case SceneBox::Suppressed:
            pen = QPen(QColor(255, 60, 60), 2.5 * unit, Qt::DashLine);
            break;
        case SceneBox::Anchor:
            pen = QPen(QColor(255, 255, 255), 1.5 * unit, Qt::DotLine);
            break;
        }
        if (b.highlighted) pen = QPen(QColor(255, 255, 0), 4 * unit);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
        if (!label) continue;
        const QRectF tr = p.fontMetrics().boundingRect(b.label).adjusted(-3, -1, 3, 1);
        QRectF tag(std::max(target.left(), std::min(r.left(), target.right() - tr.width())),
                   std::max(target.top(), r.top() - tr.height()), tr.width(), tr.height());
        for (int tries = 0; tries < 8; ++tries) {
            bool overlaps = false;
            for (const QRectF& t : tags) overlaps = overlaps || t.intersects(tag);
            if (!overlaps) break;
            tag.translate(0, tag.height());
        }
        tags.push_back(tag);
        p.fillRect(tag, b.kind == SceneBox::Suppressed ? QColor(255, 60, 60) : pen.color());
        p.setPen(Qt::black);
        p.drawText(tag, Qt::AlignCenter, b.label);
    }
    p.restore();
}

DetectionView::DetectionView(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(320, 240);
    setMouseTracking(false);
    m_empty = tr("Drop a photo here, or use Open photo… / a sample.");
}

void DetectionView::setPhoto(const QImage& photo)
{
    m_photo = photo;
    update();
}

void DetectionView::setScene(Scene scene)
{
    m_scene = std::move(scene);
    update();
}

void DetectionView::setEmptyText(const QString& text)
{
    m_empty = text;
    update();
}

QRectF DetectionView::target() const
{
    if (m_photo.isNull()) return {};
    const QSizeF s = QSizeF(m_photo.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return {(width() - s.width()) / 2, (height() - s.height()) / 2, s.width(), s.height()};
}

void DetectionView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(40, 40, 44));
    if (m_photo.isNull()) {
        p.setPen(QColor(200, 200, 200));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_empty);
        return;
    }
    paintScene(p, m_photo, m_scene, target());
}

void DetectionView::mousePressEvent(QMouseEvent* e)
{
    const QRectF t = target();
    if (t.isEmpty() || !t.contains(e->position())) return;
    emit clicked(QPointF((e->position().x() - t.x()) * m_photo.width() / t.width(),
                         (e->position().y() - t.y()) * m_photo.height() / t.height()));
}

QImage DetectionView::render() const
{
    QImage out(m_photo.size(), QImage::Format_RGB32);
    QPainter p(&out);
    paintScene(p, m_photo, m_scene, QRectF(QPointF(0, 0), QSizeF(m_photo.size())));
    return out;
}

} // namespace lab
