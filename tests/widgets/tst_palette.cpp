// SPDX-License-Identifier: MIT
// Accessibility basics (issue 17). Colours: the class colours stay at least ΔE*ab 20 apart after a simulated
// deuteranopia and protanopia (Machado, Oliveira & Fernandes 2009, severity 1, applied in linear RGB; CIE76
// distance in CIELAB, D65), and the ten category colours after a simulated deuteranopia. Keyboard: in every
// lab of the registry, every visible control takes the focus from Tab, shows where the focus is (the style's
// focus frame: no control turns it off), and says what it does — a text of its own, a label naming it
// (QLabel buddy or a form row) or a tooltip.
#include "app/gui/main_window.h"
#include "widgets/palette.h"

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

#include <array>
#include <cmath>

using namespace lab;

namespace {

using Vec3 = std::array<double, 3>;
using Mat3 = std::array<Vec3, 3>;

// Machado et al. 2009, Table 1 (severity 1.0), for linear RGB.
const Mat3 kDeuteranopia{{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
const Mat3 kProtanopia{{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};

double linear(int v) // sRGB → linear (IEC 61966-2-1)
{
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// CIELAB (D65) of an sRGB colour, seen through `m` (nullptr: normal vision).
Vec3 cielab(const QColor& c, const Mat3* m)
{
    Vec3 rgb{linear(c.red()), linear(c.green()), linear(c.blue())};
    if (m) {
        Vec3 s{};
        for (int i = 0; i < 3; ++i)
            s[i] = std::clamp((*m)[i][0] * rgb[0] + (*m)[i][1] * rgb[1] + (*m)[i][2] * rgb[2], 0.0, 1.0);
        rgb = s;
    }
    const double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
    const double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    const double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double deltaE(const Vec3& a, const Vec3& b)
{
    return std::sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

double closestPair(const QList<QColor>& colours, const Mat3* m, QString* which)
{
    double worst = 1e9;
    for (int i = 0; i < colours.size(); ++i)
        for (int j = i + 1; j < colours.size(); ++j)
            if (const double d = deltaE(cielab(colours[i], m), cielab(colours[j], m)); d < worst) {
                worst = d;
                *which = QString("%1 and %2").arg(colours[i].name(), colours[j].name());
            }
    return worst;
}

// What names a control for a user: its own text, a label whose buddy it is, its form row's label, a tooltip.
bool named(QWidget* w)
{
    if (auto* b = qobject_cast<QAbstractButton*>(w); b && (!b->text().isEmpty() || !b->icon().isNull())) return true;
    if (!w->toolTip().isEmpty() || !w->accessibleName().isEmpty()) return true;
    for (QLabel* l : w->window()->findChildren<QLabel*>())
        if (l->buddy() == w) return true;
    for (QFormLayout* form : w->window()->findChildren<QFormLayout*>())
        if (form->labelForField(w)) return true;
    return false;
}

} // namespace

class TestPalette : public QObject {
    Q_OBJECT
  private slots:
    void simulationByHand()
    {
        // Machado's rows sum to 1, so greys stay grey; white is L* 100, a* = b* = 0.
        const Vec3 white = cielab(QColor(Qt::white), &kDeuteranopia);
        QVERIFY(std::abs(white[0] - 100) < 0.1 && std::abs(white[1]) < 0.1 && std::abs(white[2]) < 0.1); // the matrices to 6 digits
        const Vec3 grey = cielab(QColor(119, 119, 119), nullptr), greyD = cielab(QColor(119, 119, 119), &kDeuteranopia);
        QVERIFY(deltaE(grey, greyD) < 0.01);
        // A red and an olive green, 93 apart for normal vision, come within 20 of each other for a deuteranope:
        // the confusion the test is about.
        QVERIFY(deltaE(cielab(QColor(204, 0, 0), nullptr), cielab(QColor(102, 128, 0), nullptr)) > 80);
        QVERIFY(deltaE(cielab(QColor(204, 0, 0), &kDeuteranopia), cielab(QColor(102, 128, 0), &kDeuteranopia)) < 20);
    }

    void classColoursStayApart()
    {
        QList<QColor> classes, categories;
        for (int k = 0; k < 6; ++k) classes << classColor(k);
        for (int k = 0; k < 10; ++k) categories << categoryColor(k);
        QString which;
        const double normal = closestPair(classes, nullptr, &which);
        QVERIFY2(normal >= 20, qPrintable(which));
        const double deut = closestPair(classes, &kDeuteranopia, &which);
        QVERIFY2(deut >= 20, qPrintable(QString("deuteranopia: ΔE %1 between %2").arg(deut).arg(which)));
        const double prot = closestPair(classes, &kProtanopia, &which);
        QVERIFY2(prot >= 20, qPrintable(QString("protanopia: ΔE %1 between %2").arg(prot).arg(which)));
        const double cat = closestPair(categories, &kDeuteranopia, &which);
        QVERIFY2(cat >= 20, qPrintable(QString("categories, deuteranopia: ΔE %1 between %2").arg(cat).arg(which)));
        qInfo("closest class colours: ΔE %.1f normal, %.1f deuteranopia, %.1f protanopia; categories %.1f", normal, deut,
              prot, cat);
    }

    void everyControlByKeyboard()
    {
        QStandardPaths::setTestModeEnabled(true);
        MainWindow w;
        w.show();
        QStringList noFocus, unnamed;
        for (LabPage* page : w.labs()) {
            w.showLab(page);
            QTest::qWait(10);
            for (QWidget* c : page->findChildren<QWidget*>()) {
                const bool control = qobject_cast<QAbstractButton*>(c) || qobject_cast<QComboBox*>(c) ||
                                     qobject_cast<QAbstractSpinBox*>(c) || qobject_cast<QAbstractSlider*>(c) ||
                                     qobject_cast<QLineEdit*>(c);
                if (!control || !c->isVisibleTo(page) || qobject_cast<QAbstractSpinBox*>(c->parentWidget()) ||
                    qobject_cast<QComboBox*>(c->parentWidget()) || c->inherits("QScrollBar") || c->inherits("QTabBar") || c->inherits("QTableCornerButton"))
                    continue; // a spin box's or combo box's inner parts; scroll bars
                const QString where = page->id() + ": " + c->metaObject()->className() + " " + c->objectName();
                if (!(c->focusPolicy() & Qt::TabFocus)) noFocus << where;
                if (!named(c)) unnamed << where;
            }
        }
        QVERIFY2(noFocus.isEmpty(), qPrintable("not reachable with Tab: " + noFocus.join(" | ")));
        QVERIFY2(unnamed.isEmpty(), qPrintable("no text, label or tooltip: " + unnamed.join(" | ")));
    }
};

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
