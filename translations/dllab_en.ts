<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>lab::AskTab</name>
    <message numerus="yes">
        <source>Saved %n labels to %1.</source>
        <translation>
            <numerusform>Saved %n label to %1.</numerusform>
            <numerusform>Saved %n labels to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files were no pictures.</source>
        <translation>
            <numerusform>%n file was no picture.</numerusform>
            <numerusform>%n files were no pictures.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::CleanTab</name>
    <message numerus="yes">
        <source>Saved the cleaned copy, %n rows, to %1; the original is unchanged.</source>
        <translation>
            <numerusform>Saved the cleaned copy, %n row, to %1; the original is unchanged.</numerusform>
            <numerusform>Saved the cleaned copy, %n rows, to %1; the original is unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rows, %2 problems; the fixes drop %3 rows and change %4 values (checked in %5 s).</source>
        <translation>
            <numerusform>%1: %n row, %2 problems; the fixes drop %3 rows and change %4 values (checked in %5 s).</numerusform>
            <numerusform>%1: %n rows, %2 problems; the fixes drop %3 rows and change %4 values (checked in %5 s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n columns</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows after cleaning</source>
        <translation>
            <numerusform>%n row after cleaning</numerusform>
            <numerusform>%n rows after cleaning</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::CleanWorker</name>
    <message numerus="yes">
        <source>Checking %n rows…</source>
        <translation>
            <numerusform>Checking %n row…</numerusform>
            <numerusform>Checking %n rows…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Whitening %n pictures…</source>
        <translation>
            <numerusform>Whitening %n picture…</numerusform>
            <numerusform>Whitening %n pictures…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::FacesDistancesTab</name>
    <message numerus="yes">
        <source>The distance of every pair of the %n face(s) in the lab (dark: near); a dot: d ≤ τ, the same person for the verifier. Click a cell to verify that pair.</source>
        <translation>
            <numerusform>The distance of every pair of the %n face in the lab (dark: near); a dot: d ≤ τ, the same person for the verifier. Click a cell to verify that pair.</numerusform>
            <numerusform>The distance of every pair of the %n faces in the lab (dark: near); a dot: d ≤ τ, the same person for the verifier. Click a cell to verify that pair.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PCA of %n encoding(s): %1 % + %2 % of the variance</source>
        <translation>
            <numerusform>PCA of %n encoding: %1 % + %2 % of the variance</numerusform>
            <numerusform>PCA of %n encodings: %1 % + %2 % of the variance</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::FacesPage</name>
    <message numerus="yes">
        <source>%1 — %n face(s)</source>
        <translation>
            <numerusform>%1 — %n face</numerusform>
            <numerusform>%1 — %n faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n face(s) in %2 ms (%3).</source>
        <translation>
            <numerusform>%1: %n face in %2 ms (%3).</numerusform>
            <numerusform>%1: %n faces in %2 ms (%3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n face</numerusform>
            <numerusform>%n faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n face(s) in the database.</source>
        <translation>
            <numerusform>%1 now has %n face in the database.</numerusform>
            <numerusform>%1 now has %n faces in the database.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enrolling %n person(s) from %1…</source>
        <translation>
            <numerusform>Enrolling %n person from %1…</numerusform>
            <numerusform>Enrolling %n people from %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n person(s) to %1.</source>
        <translation>
            <numerusform>Saved %n person to %1.</numerusform>
            <numerusform>Saved %n people to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n person(s).</source>
        <translation>
            <numerusform>%1: %n person.</numerusform>
            <numerusform>%1: %n people.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>database: %n person(s), </source>
        <translation>
            <numerusform>database: %n person, </numerusform>
            <numerusform>database: %n people, </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::PictureCleanTab</name>
    <message numerus="yes">
        <source>Saved %n cleaned pictures to %1; the original folder is unchanged.</source>
        <translation>
            <numerusform>Saved %n cleaned picture to %1; the original folder is unchanged.</numerusform>
            <numerusform>Saved %n cleaned pictures to %1; the original folder is unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n pictures, %2 problems (checked in %3 s).</source>
        <translation>
            <numerusform>%1: %n picture, %2 problems (checked in %3 s).</numerusform>
            <numerusform>%1: %n pictures, %2 problems (checked in %3 s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::SequenceWorker</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::StylePage</name>
    <message numerus="yes">
        <source>Its %n change(s) made while paused are not replayed here; dlcli style --replay %1 repeats them.</source>
        <translation>
            <numerusform>Its %n change made while paused is not replayed here; dlcli style --replay %1 repeats them.</numerusform>
            <numerusform>Its %n changes made while paused are not replayed here; dlcli style --replay %1 repeats them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::TransformTab</name>
    <message numerus="yes">
        <source>Whitened %n pictures.</source>
        <translation>
            <numerusform>Whitened %n picture.</numerusform>
            <numerusform>Whitened %n pictures.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n numbers. </source>
        <translation>
            <numerusform>%n number. </numerusform>
            <numerusform>%n numbers. </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::VectorStripView</name>
    <message numerus="yes">
        <source>%n numbers; colour: blue below 0, red above, full at ±%1</source>
        <translation>
            <numerusform>%n number; colour: blue below 0, red above, full at ±%1</numerusform>
            <numerusform>%n numbers; colour: blue below 0, red above, full at ±%1</numerusform>
        </translation>
    </message>
</context>
</TS>
