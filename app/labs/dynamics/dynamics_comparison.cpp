// SPDX-License-Identifier: MIT
// The Dynamics lab's File ▸ Save comparison…: the tab shown as a comparison file (core/train/comparison.h)
// that dlcli replay runs again — the race from its start as the controls say, or a finished study or search.
#include "dynamics_page.h"

#include "init_tab.h"
#include "regularisation_tab.h"
#include "schedule_tab.h"
#include "search_tab.h"
#include "widgets/file_dialogs.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QSpinBox>
#include <QTabWidget>

namespace lab {

void DynamicsPage::addMenuItems(const LabMenus& menus)
{
    QAction* save = menus.file->addAction(tr("Save comparison…"));
    save->setToolTip(tr("The tab shown — race, study or search — as one file: its settings and its numbers. "
                        "dlcli replay FILE runs it again and checks the numbers."));
    connect(save, &QAction::triggered, this, [this] {
        const QString path = askSavePath(this, tr("Save the comparison"), tr("Comparisons (*.json)"), "json");
        if (!path.isEmpty()) saveComparison(path);
    });
}

bool DynamicsPage::raceComparison(dl::Comparison& out, QString* why) const
{
    if (m_racing.empty()) {
        *why = tr("Tick at least one optimiser to race.");
        return false;
    }
    // floats written as the exact double they are, so dlcli reads back the same float
    const auto f = [](float v) { return dl::exactNumber(double(v)); };
    std::string names, rates;
    std::vector<dl::RacerSpec> specs;
    for (int k : m_racing) {
        const dl::RacerSpec s = specFor(k);
        specs.push_back(s);
        if (!names.empty()) names += ',', rates += ',';
        names += dl::optName(s.opt.kind);
        rates += dl::optName(s.opt.kind), rates += ':', rates += f(s.lr);
    }
    const dl::RacerSpec s = specs.front();
    dl::Surface surface;
    surface.kind = dl::SurfaceKind(m_surface->currentData().toInt());
    surface.kappa = m_kappa->value();
    const long steps = m_last.step > 0 ? m_last.step : m_iterations->value();
    out.command = "race";
    out.args = {{"surface", dl::surfaceName(surface.kind)}, {"kappa", dl::exactNumber(surface.kappa)},
                {"start", dl::exactNumber(m_startPoint.x()) + "," + dl::exactNumber(m_startPoint.y())},
                {"optimizers", names}, {"lr", rates}, {"beta", f(s.opt.beta)}, {"beta1", f(s.opt.beta1)},
                {"beta2", f(s.opt.beta2)}, {"eps", f(s.opt.eps)}, {"weight-decay", f(s.opt.weightDecay)},
                {"noise", dl::exactNumber(m_noise->value())}, {"iterations", std::to_string(steps)}};
    try {
        out.result = dl::toJson(dl::runRace(surface, m_startPoint.x(), m_startPoint.y(), specs, m_noise->value(), 1, steps));
    } catch (const std::exception& e) {
        *why = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

bool DynamicsPage::saveComparison(const QString& path)
{
    dl::Comparison c;
    QString why;
    QWidget* tab = m_tabs->currentWidget();
    bool ok;
    if (tab == m_search)
        ok = m_search->comparison(c, &why);
    else if (tab == m_init)
        ok = m_init->runner()->comparison(c, &why);
    else if (tab == m_regularisation)
        ok = m_regularisation->runner()->comparison(c, &why);
    else if (tab == m_schedules)
        ok = m_schedules->runner()->comparison(c, &why);
    else if (tab == m_rangeTest)
        ok = m_rangeTest->runner()->comparison(c, &why);
    else
        ok = raceComparison(c, &why);
    if (!ok) {
        emit message(tr("Nothing to save yet: %1").arg(why), true);
        return false;
    }
    try {
        dl::saveComparison(c, path.toStdString());
    } catch (const std::exception& e) {
        emit message(tr("Could not save the comparison: %1").arg(QString::fromUtf8(e.what())), true);
        return false;
    }
    emit message(tr("Saved %1 (dlcli %2 and its numbers); dlcli replay %1 runs it again and checks them.")
                     .arg(QDir::toNativeSeparators(path), QString::fromStdString(c.command)),
                 false);
    return true;
}

} // namespace lab
