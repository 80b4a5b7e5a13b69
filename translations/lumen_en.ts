<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>lumen::logic::AiAssist</name>
    <message numerus="yes">
        <source>%n label(s) proposed, %1 voxels</source>
        <translation>
            <numerusform>%n label proposed, %1 voxels</numerusform>
            <numerusform>%n labels proposed, %1 voxels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; they replace %n earlier unreviewed proposal(s) of this model</source>
        <translation>
            <numerusform>; they replace %n earlier unreviewed proposal of this model</numerusform>
            <numerusform>; they replace %n earlier unreviewed proposals of this model</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) proposed for review</source>
        <translation>
            <numerusform>%n finding proposed for review</numerusform>
            <numerusform>%n findings proposed for review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n repeat(s) of findings already reviewed left out</source>
        <translation>
            <numerusform>; %n repeat of findings already reviewed left out</numerusform>
            <numerusform>; %n repeats of findings already reviewed left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::logic::AiModel</name>
    <message numerus="yes">
        <source>%n locked validation case(s) of the training set</source>
        <translation>
            <numerusform>%n locked validation case of the training set</numerusform>
            <numerusform>%n locked validation cases of the training set</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>held-out, %n case(s) (model card)</source>
        <translation>
            <numerusform>held-out, %n case (model card)</numerusform>
            <numerusform>held-out, %n cases (model card)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n thread</numerusform>
            <numerusform>CPU, %n threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::logic::InteractiveSegmentation</name>
    <message numerus="yes">
        <source>%1: %n prompt(s), %2 voxels, %3 s</source>
        <translation>
            <numerusform>%1: %n prompt, %2 voxels, %3 s</numerusform>
            <numerusform>%1: %n prompts, %2 voxels, %3 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::ui::AiDocks</name>
    <message numerus="yes">
        <source>Accepted %n proposed label(s)</source>
        <translation>
            <numerusform>Accepted %n proposed label</numerusform>
            <numerusform>Accepted %n proposed labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n finding(s)</source>
        <translation>
            <numerusform> and %n finding</numerusform>
            <numerusform> and %n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n proposed label(s)</source>
        <translation>
            <numerusform>Rejected %n proposed label</numerusform>
            <numerusform>Rejected %n proposed labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n finding(s) (Undo brings the labels back)</source>
        <translation>
            <numerusform> and %n finding (Undo brings the labels back)</numerusform>
            <numerusform> and %n findings (Undo brings the labels back)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::ui::ImportSummaryDialog</name>
    <message numerus="yes">
        <source>Imported %n series</source>
        <translation>
            <numerusform>Imported %n series</numerusform>
            <numerusform>Imported %n series</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n files)</source>
        <translation>
            <numerusform> (%n file)</numerusform>
            <numerusform> (%n files)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n non-DICOM files skipped</source>
        <translation>
            <numerusform>, %n non-DICOM file skipped</numerusform>
            <numerusform>, %n non-DICOM files skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n unreadable</source>
        <translation>
            <numerusform>, %n unreadable</numerusform>
            <numerusform>, %n unreadable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n proposed label(s)</source>
        <translation>
            <numerusform>%n proposed label</numerusform>
            <numerusform>%n proposed labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n proposed finding(s) not accepted yet are left out</source>
        <translation>
            <numerusform> and %n proposed finding not accepted yet are left out</numerusform>
            <numerusform> and %n proposed findings not accepted yet are left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received %n image(s) from the network</source>
        <translation>
            <numerusform>Received %n image from the network</numerusform>
            <numerusform>Received %n images from the network</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) (SEG, SR)</source>
        <translation>
            <numerusform>%n object (SEG, SR)</numerusform>
            <numerusform>%n objects (SEG, SR)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more import(s) waiting for the current one</source>
        <translation>
            <numerusform>%n more import waiting for the current one</numerusform>
            <numerusform>%n more imports waiting for the current one</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n de-identified image(s)</source>
        <translation>
            <numerusform>Exported %n de-identified image</numerusform>
            <numerusform>Exported %n de-identified images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n annotation object(s)</source>
        <translation>
            <numerusform> and %n annotation object</numerusform>
            <numerusform> and %n annotation objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n refused</source>
        <translation>
            <numerusform>; %n refused</numerusform>
            <numerusform>; %n refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::ui::PacsPanel</name>
    <message numerus="yes">
        <source>%n study(ies) found</source>
        <translation>
            <numerusform>%n study found</numerusform>
            <numerusform>%n studies found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved: %n series, all %1 images.</source>
        <translation>
            <numerusform>Retrieved: %n series, all %1 images.</numerusform>
            <numerusform>Retrieved: %n series, all %1 images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier study(ies) of this patient</source>
        <translation>
            <numerusform>%n earlier study of this patient</numerusform>
            <numerusform>%n earlier studies of this patient</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::ui::TrainingPanel</name>
    <message numerus="yes">
        <source>%n AI click prompt(s)</source>
        <translation>
            <numerusform>%n AI click prompt</numerusform>
            <numerusform>%n AI click prompts</numerusform>
        </translation>
    </message>
</context>
</TS>
