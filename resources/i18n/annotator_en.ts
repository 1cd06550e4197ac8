<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/widgets/dashboard.py" line="43" />
        <source>%n sentence(s) decided by two or more of: %s. Overall Krippendorff's alpha %s, MASI %s.</source>
        <translation><numerusform>%n sentence decided by two or more of: %s. Overall Krippendorff's alpha %s, MASI %s.</numerusform><numerusform>%n sentences decided by two or more of: %s. Overall Krippendorff's alpha %s, MASI %s.</numerusform></translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/widgets/review_view.py" line="443" />
        <source>%n agreed sentence(s) promoted to gold. </source>
        <translation><numerusform>%n agreed sentence promoted to gold. </numerusform><numerusform>%n agreed sentences promoted to gold. </numerusform></translation>
    </message>
</context>
<context>
    <name>UncertainDock</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/widgets/learning.py" line="59" />
        <source>%n undecided sentence(s), most uncertain first (model %s). Enter on a sentence of this list moves on to the next one in it.</source>
        <translation><numerusform>%n undecided sentence, most uncertain first (model %s). Enter on a sentence of this list moves on to the next one in it.</numerusform><numerusform>%n undecided sentences, most uncertain first (model %s). Enter on a sentence of this list moves on to the next one in it.</numerusform></translation>
    </message>
</context>
</TS>