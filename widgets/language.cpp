// SPDX-License-Identifier: MIT
#include "widgets/language.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMutex>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTableWidget>
#include <QTextEdit>
#include <QToolBox>
#include <QTranslator>
#include <QTreeWidget>
#include <qcustomplot.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

namespace lab {

namespace {

// Where a shown text came from: the arguments of QCoreApplication::translate().
struct Source {
    QByteArray context, text, disambiguation;
    int n = -1;
    QString translate(int count) const
    {
        return QCoreApplication::translate(context.constData(), text.constData(),
                                           disambiguation.isEmpty() ? nullptr : disambiguation.constData(), count);
    }
};

// "%1", "%L2", "%n": the placeholders of QString::arg() and of tr()'s plural form (Qt docs, QString::arg).
const QRegularExpression& placeholder()
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    return re;
}

// A shown template with placeholders, as a pattern that finds its arguments in a finished text.
struct Template {
    Source source;
    QRegularExpression re;
    QStringList holes;   // the placeholder of each capture group, in order ("1", "2", "n")
    QString longest;     // its longest literal piece: a cheap test before the pattern
    int literal = 0;     // letters outside the placeholders: more is a better match
};

class Registry {
  public:
    void record(const char* ctx, const char* text, const char* dis, int n, const QString& shown)
    {
        QMutexLocker lock(&m_mutex);
        if (m_exact.contains(shown) || m_templates.contains(shown)) return;
        Source s{ctx, text, dis ? QByteArray(dis) : QByteArray(), n};
        if (shown.contains(placeholder())) {
            m_templates.insert(shown, s);
            m_dirty = true;
        } else {
            m_exact.insert(shown, s);
        }
    }

    bool exact(const QString& shown, Source* out)
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_exact.constFind(shown);
        if (it == m_exact.constEnd()) return false;
        *out = *it;
        return true;
    }

    std::vector<Template> templates()
    {
        QMutexLocker lock(&m_mutex);
        if (m_dirty) compile();
        return m_compiled;
    }

  private:
    void compile()
    {
        m_compiled.clear();
        for (auto it = m_templates.constBegin(); it != m_templates.constEnd(); ++it) {
            Template t{it.value(), {}, {}, {}, 0};
            QString pattern;
            qsizetype at = 0;
            auto literal = [&](const QString& piece) {
                pattern += QRegularExpression::escape(piece);
                for (QChar c : piece) // a Han character carries a word: it counts as two letters
                    t.literal += c.isLetter() ? (c.unicode() >= 0x2e80 ? 2 : 1) : 0;
                if (piece.size() > t.longest.size()) t.longest = piece;
            };
            for (auto m = placeholder().globalMatch(it.key()); m.hasNext();) {
                const QRegularExpressionMatch p = m.next();
                literal(it.key().mid(at, p.capturedStart() - at));
                pattern += QStringLiteral("(.*?)");
                t.holes << p.captured(1);
                at = p.capturedEnd();
            }
            literal(it.key().mid(at));
            if (t.literal < 2) continue; // "%1 / %2" would match any text
            t.re.setPattern(QRegularExpression::anchoredPattern(pattern));
            t.re.setPatternOptions(QRegularExpression::DotMatchesEverythingOption);
            m_compiled.push_back(std::move(t));
        }
        std::sort(m_compiled.begin(), m_compiled.end(), [](const Template& a, const Template& b) { return a.literal > b.literal; });
        m_dirty = false;
    }

    QMutex m_mutex; // tr() is called from the workers' threads too
    QHash<QString, Source> m_exact, m_templates;
    std::vector<Template> m_compiled;
    bool m_dirty = false;
};

Registry& registry()
{
    static Registry r;
    return r;
}

// The one translator installed: asks the catalogues of the current language and records every answer.
class RecordingTranslator : public QTranslator {
  public:
    using QTranslator::QTranslator;
    void use(std::vector<std::unique_ptr<QTranslator>> catalogues) { m_catalogues = std::move(catalogues); }
    QString translate(const char* ctx, const char* text, const char* dis, int n) const override
    {
        QString r;
        for (const auto& c : m_catalogues)
            if (r = c->translate(ctx, text, dis, n); !r.isEmpty()) break;
        registry().record(ctx, text, dis, n, QString::fromUtf8(text)); // the source too: a text shown before
        if (!r.isEmpty()) registry().record(ctx, text, dis, n, r);         // any switch is traced back as well
        return r;
    }
    bool isEmpty() const override { return false; }

  private:
    std::vector<std::unique_ptr<QTranslator>> m_catalogues;
};

QString s_current = QStringLiteral("en");

QString fromTemplate(const Template& t, const QRegularExpressionMatch& m)
{
    int count = t.source.n;
    for (int i = 0; i < t.holes.size(); ++i)
        if (t.holes[i] == QLatin1String("n")) count = m.captured(i + 1).toInt();
    QString out = t.source.translate(count); // %n is filled in by translate()
    QString result;
    qsizetype at = 0;
    for (auto p = placeholder().globalMatch(out); p.hasNext();) {
        const QRegularExpressionMatch ph = p.next();
        result += out.mid(at, ph.capturedStart() - at);
        const qsizetype slot = t.holes.indexOf(ph.captured(1));
        result += slot < 0 ? ph.captured(0) : retranslated(m.captured(static_cast<int>(slot) + 1));
        at = ph.capturedEnd();
    }
    return result + out.mid(at);
}

using Setter = std::function<void(const QString&)>;
using Apply = std::function<void(const QString&, const Setter&)>;

const char* const kItemsMark = "dlTranslatedItems";

// Items of lists, tables and combo boxes are often data (a table's cells, a column's name, "adam" read
// back with currentText()): they are retranslated only where markTranslatedItems() said they are tr() texts.
bool itemsAreTexts(QWidget* w)
{
    if (w->property(kItemsMark).toBool()) return true;
    auto* c = qobject_cast<QComboBox*>(w);
    if (!c || c->isEditable() || c->count() == 0) return false;
    for (int i = 0; i < c->count(); ++i) // addItem(tr(text), data): the code reads the data, not the text
        if (!c->itemData(i).isValid()) return false;
    return true;
}

void itemViewTexts(QWidget* w, const Apply& apply, bool allItems)
{
    const bool items = allItems || itemsAreTexts(w);
    if (auto* lw = qobject_cast<QListWidget*>(w); lw && items)
        for (int i = 0; i < lw->count(); ++i) {
            QListWidgetItem* it = lw->item(i);
            apply(it->text(), [it](const QString& t) { it->setText(t); });
            apply(it->toolTip(), [it](const QString& t) { it->setToolTip(t); });
        }
    if (auto* tw = qobject_cast<QTableWidget*>(w)) {
        auto item = [&](QTableWidgetItem* it) {
            if (!it) return;
            apply(it->text(), [it](const QString& t) { it->setText(t); });
            apply(it->toolTip(), [it](const QString& t) { it->setToolTip(t); });
        };
        for (int c = 0; c < tw->columnCount(); ++c) item(tw->horizontalHeaderItem(c));
        for (int r = 0; r < tw->rowCount(); ++r) {
            item(tw->verticalHeaderItem(r));
            for (int c = 0; c < tw->columnCount() && items; ++c) item(tw->item(r, c));
        }
    } else if (auto* tree = qobject_cast<QTreeWidget*>(w)) {
        QList<QTreeWidgetItem*> all{tree->headerItem()};
        for (QTreeWidgetItemIterator it(tree); *it && items; ++it) all << *it;
        for (QTreeWidgetItem* it : all)
            for (int c = 0; c < it->columnCount(); ++c) apply(it->text(c), [it, c](const QString& t) { it->setText(c, t); });
    } else if (auto* view = qobject_cast<QAbstractItemView*>(w)) {
        auto* m = qobject_cast<QStandardItemModel*>(view->model());
        if (!m) return; // other models answer data() and headerData() with tr() at each repaint
        for (Qt::Orientation o : {Qt::Horizontal, Qt::Vertical})
            for (int i = 0, n = o == Qt::Horizontal ? m->columnCount() : m->rowCount(); i < n; ++i)
                apply(m->headerData(i, o).toString(), [m, i, o](const QString& t) { m->setHeaderData(i, o, t); });
        for (int r = 0; r < m->rowCount() && items; ++r)
            for (int c = 0; c < m->columnCount(); ++c)
                if (QStandardItem* it = m->item(r, c)) {
                    apply(it->text(), [it](const QString& t) { it->setText(t); });
                    apply(it->toolTip(), [it](const QString& t) { it->setToolTip(t); });
                }
    }
}

void plotTexts(QCustomPlot* plot, const Apply& apply)
{
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes()) apply(axis->label(), [axis](const QString& t) { axis->setLabel(t); });
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot->plottable(i);
        apply(p->name(), [p](const QString& t) { p->setName(t); });
    }
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)))
            apply(text->text(), [text](const QString& t) { text->setText(t); });
    for (QCPLayoutElement* e : plot->plotLayout()->elements(true))
        if (auto* text = qobject_cast<QCPTextElement*>(e)) apply(text->text(), [text](const QString& t) { text->setText(t); });
}

void controlTexts(QWidget* w, const Apply& apply, bool allItems)
{
    if (auto* l = qobject_cast<QLabel*>(w)) apply(l->text(), [l](const QString& t) { l->setText(t); });
    if (auto* b = qobject_cast<QAbstractButton*>(w)) apply(b->text(), [b](const QString& t) { b->setText(t); });
    if (auto* g = qobject_cast<QGroupBox*>(w)) apply(g->title(), [g](const QString& t) { g->setTitle(t); });
    if (auto* m = qobject_cast<QMenu*>(w)) apply(m->title(), [m](const QString& t) { m->setTitle(t); });
    if (auto* e = qobject_cast<QLineEdit*>(w)) apply(e->placeholderText(), [e](const QString& t) { e->setPlaceholderText(t); });
    if (auto* e = qobject_cast<QPlainTextEdit*>(w)) apply(e->placeholderText(), [e](const QString& t) { e->setPlaceholderText(t); });
    if (auto* e = qobject_cast<QTextEdit*>(w)) apply(e->placeholderText(), [e](const QString& t) { e->setPlaceholderText(t); });
    if (auto* s = qobject_cast<QAbstractSpinBox*>(w))
        apply(s->specialValueText(), [s](const QString& t) { s->setSpecialValueText(t); });
    if (auto* s = qobject_cast<QSpinBox*>(w)) {
        apply(s->prefix(), [s](const QString& t) { s->setPrefix(t); });
        apply(s->suffix(), [s](const QString& t) { s->setSuffix(t); });
    }
    if (auto* s = qobject_cast<QDoubleSpinBox*>(w)) {
        apply(s->prefix(), [s](const QString& t) { s->setPrefix(t); });
        apply(s->suffix(), [s](const QString& t) { s->setSuffix(t); });
    }
    if (auto* c = qobject_cast<QComboBox*>(w); c && (allItems || itemsAreTexts(c)))
        for (int i = 0; i < c->count(); ++i) {
            apply(c->itemText(i), [c, i](const QString& t) { c->setItemText(i, t); });
            apply(c->itemData(i, Qt::ToolTipRole).toString(), [c, i](const QString& t) { c->setItemData(i, t, Qt::ToolTipRole); });
        }
    if (auto* tb = qobject_cast<QTabBar*>(w))
        for (int i = 0; i < tb->count(); ++i) {
            apply(tb->tabText(i), [tb, i](const QString& t) { tb->setTabText(i, t); });
            apply(tb->tabToolTip(i), [tb, i](const QString& t) { tb->setTabToolTip(i, t); });
        }
    if (auto* box = qobject_cast<QToolBox*>(w))
        for (int i = 0; i < box->count(); ++i) apply(box->itemText(i), [box, i](const QString& t) { box->setItemText(i, t); });
}

// Calls f on every text under root that retranslateTree() handles (allItems: every item too, for a check);
// f returns the text to show instead.
void forEachText(QObject* root, const std::function<QString(const QString&)>& f, bool allItems)
{
    const Apply apply = [&f](const QString& now, const Setter& set) {
        if (now.isEmpty()) return;
        if (const QString next = f(now); next != now) set(next);
    };
    QList<QObject*> all = root->findChildren<QObject*>();
    all.prepend(root);
    for (QObject* o : all) {
        if (auto* a = qobject_cast<QAction*>(o); a && !a->isSeparator()) {
            apply(a->text(), [a](const QString& t) { a->setText(t); });
            apply(a->toolTip(), [a](const QString& t) { a->setToolTip(t); });
            apply(a->statusTip(), [a](const QString& t) { a->setStatusTip(t); });
        }
        auto* w = qobject_cast<QWidget*>(o);
        if (!w) continue;
        apply(w->toolTip(), [w](const QString& t) { w->setToolTip(t); });
        apply(w->statusTip(), [w](const QString& t) { w->setStatusTip(t); });
        apply(w->whatsThis(), [w](const QString& t) { w->setWhatsThis(t); });
        apply(w->accessibleName(), [w](const QString& t) { w->setAccessibleName(t); });
        apply(w->accessibleDescription(), [w](const QString& t) { w->setAccessibleDescription(t); });
        apply(w->windowTitle(), [w](const QString& t) { w->setWindowTitle(t); });
        controlTexts(w, apply, allItems);
        itemViewTexts(w, apply, allItems);
        if (auto* plot = qobject_cast<QCustomPlot*>(w)) plotTexts(plot, apply);
    }
}

} // namespace

QStringList languages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString languageName(const QString& code)
{
    if (code == QLatin1String("zh_CN")) return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString currentLanguage()
{
    return s_current;
}

QString startLanguage(const QSettings& s)
{
    const QString saved = s.value(QStringLiteral("ui/language")).toString();
    if (languages().contains(saved)) return saved;
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool setLanguage(const QString& code)
{
    if (!languages().contains(code)) return false;
    static RecordingTranslator* translator = nullptr;
    if (!translator) translator = new RecordingTranslator(qApp);
    std::vector<std::unique_ptr<QTranslator>> catalogues;
    auto app = std::make_unique<QTranslator>(); // English's holds only the plural forms
    if (app->load(QStringLiteral(":/i18n/dllab_") + code + QStringLiteral(".qm"))) catalogues.push_back(std::move(app));
    if (code != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>(); // Qt's own strings: standard buttons and dialogs
        if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            catalogues.push_back(std::move(qt));
    }
    QCoreApplication::removeTranslator(translator);
    translator->use(std::move(catalogues));
    s_current = code;
    QCoreApplication::installTranslator(translator); // QEvent::LanguageChange to every window
    for (QWidget* w : QApplication::topLevelWidgets())
        if (!w->parentWidget()) retranslateTree(w);
    return true;
}

QString retranslated(const QString& shown)
{
    if (shown.isEmpty()) return shown;
    Source s;
    if (registry().exact(shown, &s)) return s.translate(s.n);
    for (const Template& t : registry().templates()) {
        if (!t.longest.isEmpty() && !shown.contains(t.longest)) continue;
        if (const QRegularExpressionMatch m = t.re.match(shown); m.hasMatch()) return fromTemplate(t, m);
    }
    return shown;
}

void retranslateTree(QObject* root)
{
    forEachText(root, [](const QString& t) { return retranslated(t); }, false);
    for (QCustomPlot* plot : root->findChildren<QCustomPlot*>()) plot->replot(QCustomPlot::rpQueuedReplot);
    if (auto* plot = qobject_cast<QCustomPlot*>(root)) plot->replot(QCustomPlot::rpQueuedReplot);
}

QStringList shownTexts(QObject* root)
{
    QStringList out;
    forEachText(
        root,
        [&out](const QString& t) {
            out << t;
            return t;
        },
        true);
    return out;
}

void markTranslatedItems(QWidget* w)
{
    w->setProperty(kItemsMark, true);
}

bool isUntranslatedSource(const QString& text)
{
    return s_current != QLatin1String("en") && retranslated(text) != text;
}

} // namespace lab
