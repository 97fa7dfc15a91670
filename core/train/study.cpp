// SPDX-License-Identifier: MIT
#include "core/train/study.h"

namespace dl {

Json toJson(const StudyReport& r)
{
    Json j = Json::object(), panels = Json::array(), table = Json::array();
    j.set("title", r.title);
    for (const StudyPanel& p : r.panels) {
        Json jp = Json::object(), curves = Json::array();
        jp.set("title", p.title).set("x", p.xLabel).set("y", p.yLabel).set("log_y", p.logY).set("log_x", p.logX);
        for (const StudyCurve& c : p.curves) {
            Json jc = Json::object(), xs = Json::array(), ys = Json::array();
            for (double x : c.x) xs.push(x);
            for (double y : c.y) ys.push(y);
            curves.push(jc.set("name", c.name).set("x", std::move(xs)).set("y", std::move(ys)));
        }
        panels.push(jp.set("curves", std::move(curves)));
    }
    for (const auto& row : r.table) {
        Json jr = Json::array();
        for (const std::string& cell : row) jr.push(cell);
        table.push(std::move(jr));
    }
    j.set("stacked", r.stacked);
    Json maps = Json::array();
    for (const StudyMap& m : r.maps) { // the name and the map's size; the probabilities stay in the view
        Json jm = Json::object();
        maps.push(jm.set("name", m.name).set("res", m.grid.res).set("train_points", m.points.train.size()));
    }
    j.set("maps", std::move(maps));
    return j.set("panels", std::move(panels)).set("table", std::move(table)).set("note", r.note);
}

} // namespace dl
