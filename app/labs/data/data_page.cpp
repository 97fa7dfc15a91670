// SPDX-License-Identifier: MIT
#include "app/labs/data/data_page.h"

#include "app/labs/data/ask_tab.h"
#include "app/labs/data/clean_tab.h"
#include "app/labs/data/label_tab.h"
#include "app/labs/data/picture_clean_tab.h"
#include "app/labs/data/transform_tab.h"
#include "widgets/study_runner.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace lab {

DataPage::DataPage(QWidget* parent)
    : LabPage("data", tr("Data"),
              tr("Clean a table: missing values, wrong types, invalid dates, outliers by the robust z-score, broken "
                 "patterns and categories, duplicates; fix them and save a cleaned copy (course chapter 12)"),
              NoControls, parent)
{
    m_tabs = new QTabWidget;
    m_clean = new CleanTab;
    m_label = new LabelTab;
    m_pictures = new PictureCleanTab;
    m_tabs->addTab(m_clean, tr("Clean a table"));
    m_tabs->addTab(m_pictures, tr("Clean pictures"));
    m_transform = new TransformTab;
    m_tabs->addTab(m_transform, tr("Transform"));
    m_tabs->addTab(m_label, tr("Label smartly"));
    m_ask = new AskTab;
    m_tabs->addTab(m_ask, tr("Label your pictures"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs);
    connect(m_clean, &CleanTab::message, this, &LabPage::message);
    connect(m_clean, &CleanTab::statusFields, this, &LabPage::statusFields);
    connect(m_label, &LabelTab::message, this, &LabPage::message);
    connect(m_pictures, &PictureCleanTab::message, this, &LabPage::message);
    connect(m_transform, &TransformTab::message, this, &LabPage::message);
    connect(m_ask, &AskTab::message, this, &LabPage::message);
    connect(m_clean, &CleanTab::inspected, this, [this] { // the table open there is the one to transform
        m_transform->setTable(m_clean->result()->table, m_clean->result()->report.columns);
    });
}

QList<QCommandLineOption> DataPage::commandLineOptions() const
{
    return {{"data-table", "Data lab: open this CSV table in the Clean tab.", "file"},
            {"data-rule", "Data lab: a rule COLUMN:KIND:SPEC, KIND range|pattern|categories|type (repeatable).", "rule"},
            {"data-view", "Data screenshot: table, problems or changes (table).", "view", "table"},
            {"data-pictures", "Data lab: open this picture folder in the Clean pictures tab.", "folder"},
            {"data-transform", "Data screenshot: the Transform tab with this column transformed, COLUMN:min-max|z-score|log, and ZCA whitening.", "spec"},
            {"data-ask", "Data screenshot: the Label your pictures tab on this folder, CLASSES after a colon (folder:coat,sneaker,bag), one batch answered by file name.", "spec"},
            {"data-label", "Data screenshot: run the Label tab with these strategies, e.g. random,margin,self-training.", "list"},
            {"data-label-rounds", "Data screenshot: the Label tab's rounds.", "N", "10"},
            {"data-label-seeds", "Data screenshot: the Label tab's seeds.", "N", "1"}};
}

QString DataPage::startWith(const QCommandLineParser& cli)
{
    if (cli.isSet("data-pictures")) m_pictures->openFolder(cli.value("data-pictures"));
    if (!cli.isSet("data-table")) return {};
    m_clean->openTable(cli.value("data-table")); // then its rules: opening a table starts from none
    for (const QString& r : cli.values("data-rule")) {
        const QStringList parts = r.split(':');
        if (parts.size() < 3) return tr("--data-rule expects COLUMN:KIND:SPEC, got \"%1\".").arg(r);
        const QString spec = r.section(':', 2);
        if (!m_clean->setRule(parts[0], parts[1], spec)) return tr("--data-rule \"%1\" is not a rule.").arg(r);
    }
    return {};
}

void DataPage::shoot(const QCommandLineParser& cli, LabShot& shot)
{
    connect(this, &LabPage::message, this, [&shot](const QString& m, bool error) {
        if (error) shot.fail(m);
    });
    if (cli.isSet("data-label")) {
        m_tabs->setCurrentWidget(m_label);
        m_label->setStrategies(cli.value("data-label").split(','));
        m_label->setBudget(5000, 10, cli.value("data-label-rounds").toInt(), 100, cli.value("data-label-seeds").toInt());
        connect(m_label->runner(), &StudyRunner::finished, this, [this, &shot] {
            QTimer::singleShot(300, this, [&shot] { shot.grab(); });
        });
        m_label->run();
        return;
    }
    if (cli.isSet("data-transform")) {
        m_tabs->setCurrentWidget(m_transform);
        const QString spec = cli.value("data-transform");
        auto go = [this, &shot, spec] {
            if (!m_transform->setColumn(spec.section(':', 0, 0), spec.section(':', 1))) return shot.fail(tr("--data-transform: no numeric column \"%1\" or no such transformation.").arg(spec));
            connect(m_transform, &TransformTab::whitenedShown, this, [this, &shot] { QTimer::singleShot(300, this, [&shot] { shot.grab(); }); });
            m_transform->whiten(1000, 1, dl::Whitening::ZCA, 0.01);
        };
        if (m_clean->result()) return go();
        connect(m_clean, &CleanTab::inspected, this, go, Qt::SingleShotConnection);
        return;
    }
    if (cli.isSet("data-ask")) {
        m_tabs->setCurrentWidget(m_ask);
        const QString spec = cli.value("data-ask");
        const QString folder = spec.section(':', 0, -2), classes = spec.section(':', -1);
        // One batch answered from the folder each picture lies in (the sample's class folders), then the next shown.
        auto answered = std::make_shared<bool>(false);
        connect(m_ask, &AskTab::asked, this, [this, &shot, answered, classes] {
            if (*answered) return (void)QTimer::singleShot(300, this, [&shot] { shot.grab(); });
            *answered = true;
            const QStringList names = classes.split(',');
            for (int i = 0; i < int(m_ask->batch().items.size()); ++i) {
                const QString dir = QFileInfo(m_ask->batch().files[i]).dir().dirName();
                m_ask->answerCurrent(std::max(0, int(names.indexOf(dir))));
            }
        });
        m_ask->start(folder, classes, dl::Strategy::Margin);
        return;
    }
    if (cli.isSet("data-pictures")) {
        m_tabs->setCurrentWidget(m_pictures);
        auto grabPictures = [this, &shot] {
            m_pictures->showProblem(m_pictures->problems()->currentRow());
            QTimer::singleShot(200, this, [&shot] { shot.grab(); });
        };
        if (m_pictures->result()) return grabPictures();
        connect(m_pictures, &PictureCleanTab::inspected, this, grabPictures, Qt::SingleShotConnection);
        return;
    }
    if (!m_clean->result() && !cli.isSet("data-table")) return shot.fail(tr("--data-table names the table to show."));
    const QString view = cli.value("data-view");
    const int index = view == "problems" ? 1 : view == "changes" ? 2 : 0;
    auto grab = [this, &shot, index] {
        m_clean->views()->setCurrentIndex(index);
        QTimer::singleShot(200, this, [&shot] { shot.grab(); });
    };
    if (m_clean->result()) return grab();
    connect(m_clean, &CleanTab::inspected, this, grab, Qt::SingleShotConnection);
}

} // namespace lab
