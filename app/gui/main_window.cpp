// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"

#include "app/gui/fetch_dialog.h"
#include "app/labs.h"
#include "widgets/course_panel.h"
#include "widgets/file_dialogs.h"
#include "widgets/language.h"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

// Resources compiled into the static dlapp library must be registered explicitly (Qt docs, "Using
// Resources in a Library"); Q_INIT_RESOURCE cannot be used inside a namespace.
static void initResources()
{
    Q_INIT_RESOURCE(dllab);
}

namespace lab {

MainWindow::MainWindow(QWidget* parent) : MainWindow(makeLabs(), parent) {}

MainWindow::MainWindow(std::vector<LabPage*> labs, QWidget* parent) : QMainWindow(parent)
{
    initResources();
    setWindowTitle(tr("DL Visual Lab"));
    setObjectName("mainWindow");
    auto* central = new QWidget;
    auto* lay = new QHBoxLayout(central);
    lay->setContentsMargins(0, 0, 0, 0);
    m_sidebar = new QListWidget;
    m_sidebar->setObjectName("labSidebar");
    m_sidebar->setFixedWidth(120);
    markTranslatedItems(m_sidebar); // the labs' titles
    m_pages = new QStackedWidget;
    lay->addWidget(m_sidebar);
    lay->addWidget(m_pages, 1);
    setCentralWidget(central);
    m_msg = new QLabel;
    m_msg->setObjectName("statusMessage");
    m_msg->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_msg, 1);
    for (int i = 0; i < 4; ++i) {
        m_fields << new QLabel;
        statusBar()->addPermanentWidget(m_fields.back());
    }
    buildToolbar();
    m_course = new CoursePanel(this);
    addDockWidget(Qt::RightDockWidgetArea, m_course);
    m_course->hide(); // Help ▸ What am I looking at? (F1)
    for (LabPage* page : labs) addLab(page);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, qOverload<int>(&MainWindow::showLab));
    buildMenus();

    QSettings s;
    resize(1400, 860);
    restoreGeometry(s.value("window/geometry").toByteArray());
    restoreState(s.value("window/state").toByteArray());
    for (LabPage* page : m_labList) page->restoreSettings(s);
    bool isIndex = false; // before 0.11 the setting was the sidebar row
    const int row = s.value("window/lab").toInt(&isIndex);
    LabPage* last = isIndex ? m_labList.value(row) : lab(s.value("window/lab").toString());
    showLab(last ? last : m_labList.value(0));
}

void MainWindow::addLab(LabPage* page)
{
    m_labList << page;
    m_pages->addWidget(page);
    auto* item = new QListWidgetItem(page->icon(), page->title());
    item->setToolTip(page->summary());
    m_sidebar->addItem(item);
    for (QAction* a : page->toolbarActions()) {
        m_toolbar->addAction(a);
        m_labOnly.append({a, page});
    }
    connect(page, &LabPage::message, this, [this, page](const QString& t, bool e) { labMessage(page, t, e); });
    connect(page, &LabPage::statusFields, this, [this, page](const QStringList& f) { labFields(page, f); });
    connect(page, &LabPage::runningChanged, this, [this, page] {
        if (currentLab() == page) updateActions();
    });
    connect(page, &LabPage::raiseRequested, this, [this, page] { showLab(page); });
    connect(page, &LabPage::openRequested, this, [this](const QString& path) { openFile(path); });
}

void MainWindow::buildToolbar()
{
    m_toolbar = addToolBar(tr("Training"));
    m_toolbar->setObjectName("trainingToolbar");
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_run = m_toolbar->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Run"));
    m_run->setShortcut(Qt::Key_Space);
    m_run->setToolTip(tr("Train continuously (Space)"));
    m_pause = m_toolbar->addAction(style()->standardIcon(QStyle::SP_MediaPause), tr("Pause"));
    m_pause->setShortcut(Qt::Key_P);
    m_step = m_toolbar->addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step"));
    m_step->setShortcut(Qt::Key_S);
    m_step->setToolTip(tr("One iteration (one mini-batch update)"));
    m_reset = m_toolbar->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Reset"));
    m_reset->setShortcut(Qt::Key_R);
    m_reset->setToolTip(tr("New initial weights from the seed; step 0"));
    m_toolbar->addSeparator();
    // The toolbar drives whichever lab is shown.
    connect(m_run, &QAction::triggered, this, [this] {
        if (LabPage* p = currentLab(); p && p->controls() & LabPage::Run) p->run();
    });
    connect(m_pause, &QAction::triggered, this, [this] {
        if (LabPage* p = currentLab(); p && p->controls() & LabPage::Pause) p->pause();
    });
    connect(m_step, &QAction::triggered, this, [this] {
        if (LabPage* p = currentLab(); p && p->controls() & LabPage::Step) p->stepOnce();
    });
    connect(m_reset, &QAction::triggered, this, [this] {
        if (LabPage* p = currentLab(); p && p->controls() & LabPage::Reset) p->reset();
    });
}

LabPage* MainWindow::lab(const QString& id) const
{
    for (LabPage* p : m_labList)
        if (p->id() == id) return p;
    return nullptr;
}

LabPage* MainWindow::currentLab() const
{
    return qobject_cast<LabPage*>(m_pages->currentWidget());
}

void MainWindow::showLab(LabPage* page)
{
    if (page) showLab(static_cast<int>(m_labList.indexOf(page)));
}

void MainWindow::showLab(int index)
{
    if (m_labList.isEmpty()) return;
    index = std::clamp(index, 0, static_cast<int>(m_labList.size()) - 1);
    if (m_sidebar->currentRow() != index) m_sidebar->setCurrentRow(index); // comes back here
    m_pages->setCurrentIndex(index);
    LabPage* page = m_labList[index];
    for (const auto& [action, owner] : m_labOnly) action->setVisible(owner == page);
    m_course->showGuide(page->id());
    updateActions();
    // The status bar shows the lab on screen: its last message and fields, never another lab's.
    const LabStatus st = m_labStatus.value(page);
    displayMessage(st.text, st.error);
    setStatusFields(st.fields);
}

bool MainWindow::openFile(const QString& path)
{
    for (LabPage* p : m_labList)
        if (p->canOpen(path)) {
            showLab(p);
            p->open(path);
            return true;
        }
    showMessage(tr("No lab opens %1 files (%2); see File ▸ Open for the kinds each lab reads.")
                    .arg(QFileInfo(path).suffix().isEmpty() ? tr("suffix-less") : "." + QFileInfo(path).suffix())
                    .arg(QFileInfo(path).fileName()),
                true);
    return false;
}

void MainWindow::labMessage(LabPage* page, const QString& text, bool error)
{
    m_labStatus[page].text = text, m_labStatus[page].error = error;
    if (currentLab() == page) displayMessage(text, error);
}

void MainWindow::displayMessage(const QString& text, bool error)
{
    m_msg->setText(text);
    m_msg->setStyleSheet(error ? "color: #b00020; font-weight: bold" : QString());
}

void MainWindow::labFields(LabPage* page, const QStringList& fields)
{
    m_labStatus[page].fields = fields;
    if (currentLab() == page) setStatusFields(fields);
}

void MainWindow::setStatusFields(const QStringList& f)
{
    for (int i = 0; i < m_fields.size(); ++i) m_fields[i]->setText(f.value(i));
}

QStringList MainWindow::statusFields() const
{
    QStringList out;
    for (QLabel* l : m_fields) out << l->text();
    return out;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] {
        QStringList filters, all;
        for (LabPage* p : m_labList) filters << p->openFilters();
        for (const QString& suffix : filterSuffixes(filters)) all << "*." + suffix;
        filters.prepend(tr("Files the labs read (%1)").arg(all.join(' ')));
        const QString path = askOpenPath(this, tr("Open"), filters.join(";;"));
        if (!path.isEmpty()) openFile(path);
    });
    QMenu* train = menuBar()->addMenu(tr("&Training"));
    for (QAction* a : {m_run, m_pause, m_step, m_reset}) train->addAction(a);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    LabMenus menus{file, train, view, [this, view](const QString& title) {
                       auto* m = new QMenu(title, this);
                       menuBar()->insertMenu(view->menuAction(), m);
                       return m;
                   }};
    for (LabPage* p : m_labList) {
        file->addSeparator();
        train->addSeparator();
        p->addMenuItems(menus);
    }
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    addLanguageMenu(view);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = m_course->toggleViewAction(); // shows and hides the panel, checked while it is shown
    guide->setText(tr("&What am I looking at?"));
    guide->setToolTip(tr("The lab's guide beside it: what each view draws, its formula, what to try (F1)"));
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setObjectName("courseAction");
    help->addAction(guide);
    connect(guide, &QAction::toggled, this, [this](bool on) {
        // Beside the lab when the screen has room for both, else a window of its own at the screen's right.
        const QRect screen = this->screen()->availableGeometry();
        if (!on || m_course->isFloating() || width() + m_course->minimumSizeHint().width() <= screen.width()) return;
        m_course->setFloating(true);
        m_course->setGeometry(screen.right() - 420, screen.top() + 60, 420, screen.height() - 120);
    });
    help->addAction(tr("&Fetch models and corpora…"), this, [this] {
        FetchDialog d(this);
        d.exec();
    });
}

// View ▸ Language: each language named in itself; the choice applies at once and is remembered.
void MainWindow::addLanguageMenu(QMenu* view)
{
    view->addSeparator();
    QMenu* menu = view->addMenu(tr("&Language"));
    menu->setObjectName("languageMenu");
    auto* group = new QActionGroup(menu);
    for (const QString& code : languages()) {
        QAction* a = menu->addAction(languageName(code));
        a->setObjectName("language_" + code);
        a->setCheckable(true);
        a->setChecked(code == currentLanguage());
        group->addAction(a);
        connect(a, &QAction::triggered, this, [code] {
            setLanguage(code);
            QSettings().setValue("ui/language", code);
        });
    }
}

void MainWindow::changeEvent(QEvent* e)
{
    // The widgets were retranslated by setLanguage(); what the window keeps as text of its own follows.
    if (e->type() == QEvent::LanguageChange) {
        for (LabStatus& st : m_labStatus) {
            st.text = retranslated(st.text);
            for (QString& f : st.fields) f = retranslated(f);
        }
        for (QAction* a : findChildren<QAction*>(QRegularExpression("^language_")))
            a->setChecked(a->objectName() == "language_" + currentLanguage());
    }
    QMainWindow::changeEvent(e);
}

void MainWindow::showMessage(const QString& text, bool error)
{
    if (LabPage* p = currentLab()) labMessage(p, text, error); // the window's messages belong to the lab shown
}

QString MainWindow::statusMessage() const
{
    return m_msg->text();
}

void MainWindow::updateActions()
{
    LabPage* p = currentLab();
    const LabPage::Controls c = p ? p->controls() : LabPage::Controls();
    const bool running = p && p->isRunning();
    m_run->setEnabled(c & LabPage::Run && !running);
    m_pause->setEnabled(c & LabPage::Pause && running);
    m_step->setEnabled(c & LabPage::Step);
    m_reset->setEnabled(c & LabPage::Reset);
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    QSettings s;
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState());
    for (LabPage* page : m_labList) page->saveSettings(s);
    if (LabPage* p = currentLab()) s.setValue("window/lab", p->id());
    e->accept();
}

} // namespace lab
