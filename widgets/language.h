// SPDX-License-Identifier: MIT
// The language the app speaks (English or 简体中文) and the live switch between them.
//
// Every visible string goes through tr() (tests/source/tst_source_rules.cpp). The catalogues are Qt Linguist
// files (translations/*.ts, compiled by lrelease into the app's resources at :/i18n/). setLanguage() installs
// one translator that stands in front of them and remembers, for every string the app asked for, which
// source it came from ("context, source text"): the text a widget shows, in any language it was shown in, is
// thereby traced back to its source, and retranslateTree() replaces it with the new language's text. Texts
// built with arg() ("Epoch %1 of %2") are matched against their template and keep their arguments, which
// are themselves retranslated when they are known strings. A view that draws its text in paintEvent asks
// tr() again on its next repaint, which the switch triggers.
#pragma once
#include <QString>
#include <QStringList>

class QObject;
class QSettings;
class QWidget;

namespace lab {

QStringList languages();                     // the codes the app speaks: "en", "zh_CN"
QString languageName(const QString& code);   // in that language itself: "English", "简体中文"
QString currentLanguage();                   // "en" until setLanguage() was called
// The language to start in: the one remembered in settings ("ui/language"), else the system locale's
// (any Chinese locale → zh_CN), else English.
QString startLanguage(const QSettings& s);
// Installs the catalogues of `code` (the app's and Qt's own, for standard dialogs) and retranslates every
// top-level window. False (nothing changed) for a code not in languages().
bool setLanguage(const QString& code);

// `shown` as it would read in the current language: the same string when it is not one the app translated.
QString retranslated(const QString& shown);
// Every text under root (labels, buttons, titles, tooltips, actions and menus, combo items, tabs, list and
// table items, plot axes and legends) retranslated in place.
void retranslateTree(QObject* root);
// The items of this list, table, tree or combo box are tr() texts: retranslate them too. Without the mark only
// a view's headers are (and a combo box's items when every one carries data): items are often data — a
// table's cells, a column's name, "adam" read back with currentText() — and must not change.
void markTranslatedItems(QWidget* w);
// The texts retranslateTree() looks at under root, and every item of its views and combo boxes, marked or
// not (tests check that none is left in the old language: a tr() item left behind needs the mark).
QStringList shownTexts(QObject* root);
// True when `text` reads differently in the current language (it was left behind in another one).
bool isUntranslatedSource(const QString& text);

} // namespace lab
