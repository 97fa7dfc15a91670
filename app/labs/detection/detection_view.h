// SPDX-License-Identifier: MIT
// The detection lab's picture: the photo with boxes (NMS survivors, faded pre-NMS candidates, the pair of
// the current NMS step), a YOLO head's grid and the anchor boxes of a clicked cell. buildScene() turns
// values (candidates, an NMS result, view options) into what is drawn; the view only paints and reports
// clicks in photo pixels. Also the PNG/JSON exports.
#pragma once
#include "core/detect/nms.h"
#include "app/labs/detection/detection_snapshot.h"

#include <QColor>
#include <QRectF>
#include <QWidget>
#include <vector>

namespace lab {

struct DetectionOptions {
    dl::NmsOptions nms;
    bool showCandidates = false;    // every candidate ≥ the score threshold, faded, behind the survivors
    int gridHead = -1;              // ≥ 0: draw that head's grid
    int cellRow = -1, cellCol = -1; // with a grid: the anchors of this cell
    int nmsStep = -1;               // ≥ 0: NMS replay after this many suppressions; -1: the result
    int selected = -1;              // candidate index to highlight (side list / click)
};

struct SceneBox {
    enum Kind { Kept, Candidate, Suppressed, Keeper, Anchor };
    QRectF rect; // photo pixels
    QColor color;
    QString label;
    Kind kind = Kept;
    bool highlighted = false;
};

struct Scene {
    std::vector<SceneBox> boxes;
    int gridRows = 0, gridCols = 0;
    QRectF gridRect; // photo pixels covered by the network input
    int cellRow = -1, cellCol = -1;
    QString caption; // one line under the picture: counts, or what this NMS step did
};

QColor boxColor(int cls); // dl::classHue: the same colour as in dlcli's --annotate PNG
QString detectionLabel(const dl::Detection& d, const QStringList& classes);
Scene buildScene(const DetectionResult& r, const dl::NmsResult& nms, const DetectionOptions& o,
                 const QStringList& classes);
// The kept detections as the CLI prints them: {image, width, height, model, detections: [{class, score,
// x, y, w, h}]} in photo pixels.
QByteArray detectionsJson(const DetectionResult& r, const dl::NmsResult& nms, const QStringList& classes,
                          const QString& model);
// (row, col) of `head`'s grid under a photo pixel; false outside the network input.
bool cellAt(const DetectionResult& r, int head, QPointF photoPixel, int& row, int& col);

class DetectionView : public QWidget {
    Q_OBJECT
  public:
    explicit DetectionView(QWidget* parent = nullptr);
    void setPhoto(const QImage& photo);
    void setScene(Scene scene);
    const Scene& scene() const { return m_scene; }
    void setEmptyText(const QString& text);
    QImage render() const; // the photo at full resolution with the scene (for PNG export)
    QSize sizeHint() const override { return {720, 540}; }

  signals:
    void clicked(QPointF photoPixel);

  protected:
    void paintEvent(QPaintEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;

  private:
    QRectF target() const; // where the photo is drawn in the widget
    QImage m_photo;
    Scene m_scene;
    QString m_empty;
};

void paintScene(QPainter& p, const QImage& photo, const Scene& scene, const QRectF& target);

} // namespace lab
