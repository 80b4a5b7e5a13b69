<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>TrainingSetStore</name>
    <message>
        <source>The training set %1 cannot be read: %2</source>
        <translation>Der Trainingsdatensatz %1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>The open case has none of %1&apos;s labels (%2): run the model or draw them first.</source>
        <translation>Der geöffnete Fall hat keines der Labels von %1 (%2): zuerst das Modell ausführen oder sie zeichnen.</translation>
    </message>
    <message>
        <source>The open case&apos;s %1 labels are empty.</source>
        <translation>Die %1-Labels des geöffneten Falls sind leer.</translation>
    </message>
    <message>
        <source>The labels are still %1&apos;s proposal: accept them (after correcting) or reject them first.</source>
        <translation>Die Labels sind noch ein Vorschlag von %1: zuerst (nach der Korrektur) akzeptieren oder ablehnen.</translation>
    </message>
    <message>
        <source>%1 finding(s) are still proposed: accept or reject each first.</source>
        <translation>%1 Befund(e) sind noch vorgeschlagen: zuerst jeden akzeptieren oder ablehnen.</translation>
    </message>
    <message>
        <source>The open case has no reviewed %1 findings (%2).</source>
        <translation>Der geöffnete Fall hat keine geprüften %1-Befunde (%2).</translation>
    </message>
    <message>
        <source>Open a series first.</source>
        <translation>Zuerst eine Serie öffnen.</translation>
    </message>
    <message>
        <source>The open case has no %1 class (%2).</source>
        <translation>Der geöffnete Fall hat keine %1-Klasse (%2).</translation>
    </message>
    <message>
        <source>%1 is a validation case: the validation split is locked, so that every version is measured on the same cases.</source>
        <translation>%1 ist ein Validierungsfall: die Validierungsmenge ist gesperrt, damit jede Version auf denselben Fällen gemessen wird.</translation>
    </message>
    <message>
        <source>The training set has no case %1.</source>
        <translation>Der Trainingsdatensatz hat keinen Fall %1.</translation>
    </message>
    <message>
        <source>%1&apos;s class is still its proposal: confirm the class in the AI panel first.</source>
        <translation>Die Klasse von %1 ist noch sein Vorschlag: zuerst die Klasse im KI-Bereich bestätigen.</translation>
    </message>
    <message>
        <source>This series is already %1 (%2): a series can be in the training set once.</source>
        <translation>Diese Serie ist bereits %1 (%2): eine Serie kann nur einmal im Trainingsdatensatz sein.</translation>
    </message>
    <message>
        <source>a validation case</source>
        <translation>ein Validierungsfall</translation>
    </message>
    <message>
        <source>a training case</source>
        <translation>ein Trainingsfall</translation>
    </message>
</context>
<context>
    <name>lumen::core::Finding</name>
    <message>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>akzeptiert</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
</context>
<context>
    <name>lumen::core::WindowLevel</name>
    <message>
        <source>CT brain</source>
        <translation>CT Gehirn</translation>
    </message>
    <message>
        <source>CT subdural</source>
        <translation>CT subdural</translation>
    </message>
    <message>
        <source>CT stroke</source>
        <translation>CT Schlaganfall</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>CT Lunge</translation>
    </message>
    <message>
        <source>CT mediastinum</source>
        <translation>CT Mediastinum</translation>
    </message>
    <message>
        <source>CT abdomen</source>
        <translation>CT Abdomen</translation>
    </message>
    <message>
        <source>CT liver</source>
        <translation>CT Leber</translation>
    </message>
    <message>
        <source>CT bone</source>
        <translation>CT Knochen</translation>
    </message>
</context>
<context>
    <name>lumen::logic::AiAssist</name>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>A model is already running</source>
        <translation>Es läuft bereits ein Modell</translation>
    </message>
    <message>
        <source>Open a series first</source>
        <translation>Zuerst eine Serie öffnen</translation>
    </message>
    <message>
        <source>Cannot hand the image to the model: %1</source>
        <translation>Das Bild kann nicht an das Modell übergeben werden: %1</translation>
    </message>
    <message>
        <source>%1 in %2 s: %3</source>
        <translation>%1 in %2 s: %3</translation>
    </message>
    <message>
        <source>The model&apos;s result cannot be read: %1</source>
        <translation>Das Ergebnis des Modells ist nicht lesbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) proposed for review</source>
        <translation>
            <numerusform>%n Befund zur Prüfung vorgeschlagen</numerusform>
            <numerusform>%n Befunde zur Prüfung vorgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Another series was opened while %1 ran; run it again on this one.</source>
        <translation>Während %1 lief, wurde eine andere Serie geöffnet; bitte auf dieser erneut ausführen.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) proposed, %1 voxels</source>
        <translation>
            <numerusform>%n Label vorgeschlagen, %1 Voxel</numerusform>
            <numerusform>%n Labels vorgeschlagen, %1 Voxel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; they replace %n earlier unreviewed proposal(s) of this model</source>
        <translation>
            <numerusform>; sie ersetzen %n früheren, ungeprüften Vorschlag dieses Modells</numerusform>
            <numerusform>; sie ersetzen %n frühere, ungeprüfte Vorschläge dieses Modells</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 voxels already labelled (accepted, corrected or drawn) were left as they are</source>
        <translation>; %1 bereits gelabelte Voxel (akzeptiert, korrigiert oder gezeichnet) blieben unverändert</translation>
    </message>
    <message numerus="yes">
        <source>; %n repeat(s) of findings already reviewed left out</source>
        <translation>
            <numerusform>; %n Wiederholung bereits geprüfter Befunde ausgelassen</numerusform>
            <numerusform>; %n Wiederholungen bereits geprüfter Befunde ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>The series is still arriving from the PACS: run the model once it is whole</source>
        <translation>Die Serie kommt noch vom PACS: das Modell erst ausführen, wenn sie vollständig ist</translation>
    </message>
    <message>
        <source>; out-of-distribution score %1 (above 1: unlike its training images)</source>
        <translation>; Out-of-Distribution-Wert %1 (über 1: anders als seine Trainingsbilder)</translation>
    </message>
    <message>
        <source>The saliency map cannot be read: %1</source>
        <translation>Die Saliency-Karte kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>lumen::logic::AiModel</name>
    <message>
        <source>The model card cannot be read: %1</source>
        <translation>Die Modellkarte ist nicht lesbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n locked validation case(s) of the training set</source>
        <translation>
            <numerusform>%n gesperrten Validierungsfall des Trainingsdatensatzes</numerusform>
            <numerusform>%n gesperrten Validierungsfällen des Trainingsdatensatzes</numerusform>
        </translation>
    </message>
    <message>
        <source>the locked validation cases of the training set</source>
        <translation>den gesperrten Validierungsfällen des Trainingsdatensatzes</translation>
    </message>
    <message numerus="yes">
        <source>held-out, %n case(s) (model card)</source>
        <translation>
            <numerusform>zurückgehalten, %n Fall (Modellkarte)</numerusform>
            <numerusform>zurückgehalten, %n Fälle (Modellkarte)</numerusform>
        </translation>
    </message>
    <message>
        <source>its training-time validation cases</source>
        <translation>seinen Validierungsfällen beim Training</translation>
    </message>
    <message>
        <source>segmentation</source>
        <translation>Segmentierung</translation>
    </message>
    <message>
        <source>detection</source>
        <translation>Detektion</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n Thread</numerusform>
            <numerusform>CPU, %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <translation>GPU: %1</translation>
    </message>
</context>
<context>
    <name>lumen::logic::AiWorkerClient</name>
    <message>
        <source>The AI worker (%1) could not be started.</source>
        <translation>Der KI-Prozess (%1) konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The AI worker stopped unexpectedly (it crashed or ran out of memory).</source>
        <translation>Der KI-Prozess wurde unerwartet beendet (Absturz oder Speichermangel).</translation>
    </message>
    <message>
        <source>The AI worker exited (code %1).</source>
        <translation>Der KI-Prozess wurde beendet (Code %1).</translation>
    </message>
</context>
<context>
    <name>lumen::logic::AnnotationStore</name>
    <message>
        <source>The saved annotations of this series cannot be read (%1); they were left as they are.</source>
        <translation>Die gespeicherten Annotationen dieser Serie sind nicht lesbar (%1); sie wurden unverändert gelassen.</translation>
    </message>
    <message>
        <source>The recovered annotations cannot be read (%1); they were left on disk.</source>
        <translation>Die wiederhergestellten Annotationen sind nicht lesbar (%1); sie bleiben auf der Festplatte.</translation>
    </message>
    <message>
        <source>Cannot save the annotations: %1</source>
        <translation>Annotationen können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>lumen::logic::ArrivingSeries</name>
    <message>
        <source>not an image series</source>
        <translation>keine Bildserie</translation>
    </message>
    <message>
        <source>multi-frame images</source>
        <translation>Mehrbild-Objekte</translation>
    </message>
    <message>
        <source>the PACS lists an instance without its UID</source>
        <translation>das PACS listet eine Instanz ohne UID</translation>
    </message>
    <message>
        <source>the PACS does not list the images&apos; positions</source>
        <translation>das PACS nennt die Positionen der Bilder nicht</translation>
    </message>
    <message>
        <source>no images</source>
        <translation>keine Bilder</translation>
    </message>
    <message>
        <source>irregular slice spacing</source>
        <translation>unregelmäßiger Schichtabstand</translation>
    </message>
    <message>
        <source>several time points</source>
        <translation>mehrere Zeitpunkte</translation>
    </message>
</context>
<context>
    <name>lumen::logic::Document</name>
    <message>
        <source>Image file</source>
        <translation>Bilddatei</translation>
    </message>
</context>
<context>
    <name>lumen::logic::FineTuneController</name>
    <message>
        <source>A fine-tune is already running</source>
        <translation>Ein Fine-Tuning läuft bereits</translation>
    </message>
    <message>
        <source>The training set has no training case yet: add a corrected case first.</source>
        <translation>Der Trainingsdatensatz hat noch keinen Trainingsfall: zuerst einen korrigierten Fall hinzufügen.</translation>
    </message>
    <message>
        <source>The training set has no validation case: add one (it is locked) so that the new version can be compared with %1 %2 on cases it never trained on.</source>
        <translation>Der Trainingsdatensatz hat keinen Validierungsfall: einen hinzufügen (er wird gesperrt), damit die neue Version auf nie trainierten Fällen mit %1 %2 verglichen werden kann.</translation>
    </message>
    <message>
        <source>Cannot record the fine-tune: %1</source>
        <translation>Das Fine-Tuning kann nicht festgehalten werden: %1</translation>
    </message>
    <message>
        <source>There is no interrupted fine-tune to resume</source>
        <translation>Es gibt kein unterbrochenes Fine-Tuning zum Fortsetzen</translation>
    </message>
</context>
<context>
    <name>lumen::logic::ImportJob</name>
    <message>
        <source>Reading DICOM headers</source>
        <translation>DICOM-Header werden gelesen</translation>
    </message>
    <message>
        <source>Copying files into Lumen&apos;s folder</source>
        <translation>Dateien werden in den Lumen-Ordner kopiert</translation>
    </message>
    <message>
        <source>Making thumbnails</source>
        <translation>Vorschaubilder werden erstellt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>lumen::logic::InteractiveSegmentation</name>
    <message>
        <source>Open a series first</source>
        <translation>Zuerst eine Serie öffnen</translation>
    </message>
    <message>
        <source>The series is still arriving from the PACS: use AI click once it is whole</source>
        <translation>Die Serie kommt noch vom PACS: KI-Klick erst verwenden, wenn sie vollständig ist</translation>
    </message>
    <message>
        <source>No interactive segmentation model is installed (AI → Manage models)</source>
        <translation>Kein interaktives Segmentierungsmodell installiert (KI → Modelle verwalten)</translation>
    </message>
    <message>
        <source>There is no segment to refine</source>
        <translation>Es gibt kein Segment zum Verfeinern</translation>
    </message>
    <message>
        <source>Cannot hand the segment to the model: %1</source>
        <translation>Das Segment kann nicht an das Modell übergeben werden: %1</translation>
    </message>
    <message>
        <source>Wait for the last prompt&apos;s result before accepting</source>
        <translation>Vor dem Akzeptieren auf das Ergebnis der letzten Eingabe warten</translation>
    </message>
    <message>
        <source>Cannot hand the image to the model: %1</source>
        <translation>Das Bild kann nicht an das Modell übergeben werden: %1</translation>
    </message>
    <message>
        <source>AI click: %1</source>
        <translation>KI-Klick: %1</translation>
    </message>
    <message>
        <source>AI object %1</source>
        <translation>KI-Objekt %1</translation>
    </message>
    <message>
        <source>The model&apos;s result cannot be read: %1</source>
        <translation>Das Ergebnis des Modells ist nicht lesbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n prompt(s), %2 voxels, %3 s</source>
        <translation>
            <numerusform>%1: %n Eingabe, %2 Voxel, %3 s</numerusform>
            <numerusform>%1: %n Eingaben, %2 Voxel, %3 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::logic::MeasurementText</name>
    <message>
        <source>%1 cm²</source>
        <translation>%1 cm²</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
    <message>
        <source>%1 ± %2%3
%4</source>
        <translation>%1 ± %2%3
%4</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>mean %1 ± %2%3 (min %4, max %5), %6</source>
        <translation>Mittel %1 ± %2%3 (Min. %4, Max. %5), %6</translation>
    </message>
    <message>
        <source>Length %1</source>
        <translation>Länge %1</translation>
    </message>
    <message>
        <source>Angle %1</source>
        <translation>Winkel %1</translation>
    </message>
    <message>
        <source>Ellipse %1</source>
        <translation>Ellipse %1</translation>
    </message>
    <message>
        <source>Rectangle %1</source>
        <translation>Rechteck %1</translation>
    </message>
</context>
<context>
    <name>lumen::logic::ModelRegistryClient</name>
    <message>
        <source>The model list cannot be read: %1</source>
        <translation>Die Modellliste ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>The AI engine (%1) cannot be started, so there are no models to list.</source>
        <translation>Die KI-Engine (%1) kann nicht gestartet werden, daher gibt es keine Modelle.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 cannot be started</source>
        <translation>%1 kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Activating %1 %2</source>
        <translation>%1 %2 wird aktiviert</translation>
    </message>
    <message>
        <source>Rolling back %1</source>
        <translation>%1 wird zurückgesetzt</translation>
    </message>
    <message>
        <source>Importing the model package %1</source>
        <translation>Modellpaket %1 wird importiert</translation>
    </message>
    <message>
        <source>Importing the MONAI bundle %1</source>
        <translation>MONAI-Bundle %1 wird importiert</translation>
    </message>
</context>
<context>
    <name>lumen::logic::PacsListener</name>
    <message>
        <source>Lumen cannot receive as %1 on port %2: %3</source>
        <translation>Lumen kann nicht als %1 auf Port %2 empfangen: %3</translation>
    </message>
</context>
<context>
    <name>lumen::logic::PacsRetrieveJob</name>
    <message>
        <source>Retrieving</source>
        <translation>Wird abgerufen</translation>
    </message>
    <message>
        <source>Asking the PACS what the study holds</source>
        <translation>Das PACS wird nach dem Inhalt der Studie gefragt</translation>
    </message>
    <message>
        <source>Connection lost; trying again in %1 s</source>
        <translation>Verbindung verloren; neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>Making thumbnails</source>
        <translation>Vorschaubilder werden erstellt</translation>
    </message>
</context>
<context>
    <name>lumen::logic::ProgressEta</name>
    <message>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>noch etwa %1 min</translation>
    </message>
</context>
<context>
    <name>lumen::logic::SecretStore</name>
    <message>
        <source>no password or token stored for %1</source>
        <translation>kein Passwort oder Token für %1 gespeichert</translation>
    </message>
    <message>
        <source>the desktop keyring cannot be read (%1)</source>
        <translation>der Schlüsselbund des Desktops ist nicht lesbar (%1)</translation>
    </message>
    <message>
        <source>no desktop keyring (%1): the password is kept until Lumen closes</source>
        <translation>kein Schlüsselbund (%1): das Passwort bleibt nur bis zum Beenden von Lumen</translation>
    </message>
    <message>
        <source>no password or token known for %1 (no desktop keyring in this session)</source>
        <translation>kein Passwort oder Token für %1 bekannt (kein Schlüsselbund in dieser Sitzung)</translation>
    </message>
    <message>
        <source>no desktop keyring (no D-Bus session): the password is kept until Lumen closes</source>
        <translation>kein Schlüsselbund (keine D-Bus-Sitzung): das Passwort bleibt nur bis zum Beenden von Lumen</translation>
    </message>
</context>
<context>
    <name>lumen::logic::SegmentEditor</name>
    <message>
        <source>Segment %1</source>
        <translation>Segment %1</translation>
    </message>
    <message>
        <source>The label is locked</source>
        <translation>Das Label ist gesperrt</translation>
    </message>
    <message>
        <source>Open a series first</source>
        <translation>Zuerst eine Serie öffnen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is locked</source>
        <translation>„%1“ ist gesperrt</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1: %2 voxels to %3</source>
        <translation>%1: %2 Voxel zu %3</translation>
    </message>
    <message>
        <source>, of them %1</source>
        <translation>, davon %1</translation>
    </message>
    <message>
        <source> (tick &quot;only empty voxels&quot; to keep other labels)</source>
        <translation> („Nur leere Voxel“ ankreuzen, um andere Labels zu behalten)</translation>
    </message>
    <message>
        <source>The eraser clears the active label, %1; here is %2: make %2 active to erase it.</source>
        <translation>Der Radierer löscht das aktive Label, %1; hier ist %2: %2 aktivieren, um es zu radieren.</translation>
    </message>
</context>
<context>
    <name>lumen::logic::SeriesLoadJob</name>
    <message>
        <source>Loading images</source>
        <translation>Bilder werden geladen</translation>
    </message>
    <message>
        <source>left out, unreadable: %1</source>
        <translation>ausgelassen, nicht lesbar: %1</translation>
    </message>
</context>
<context>
    <name>lumen::logic::StudyBrowserModel</name>
    <message>
        <source>Image files</source>
        <translation>Bilddateien</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(ohne Beschreibung)</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Serie %1</translation>
    </message>
    <message>
        <source>%1 · 1 image</source>
        <translation>%1 · 1 Bild</translation>
    </message>
    <message>
        <source>%1 · %2 images</source>
        <translation>%1 · %2 Bilder</translation>
    </message>
    <message>
        <source>Patient / study / series</source>
        <translation>Patient / Studie / Serie</translation>
    </message>
    <message>
        <source>ID / date / modality</source>
        <translation>ID / Datum / Modalität</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Unnamed series</source>
        <translation>Unbenannte Serie</translation>
    </message>
    <message>
        <source>%1 · volume file</source>
        <translation>%1 · Volumendatei</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>%1 · no images (annotations or documents)</source>
        <translation>%1 · keine Bilder (Annotationen oder Dokumente)</translation>
    </message>
</context>
<context>
    <name>lumen::render::VolumePreset</name>
    <message>
        <source>CT bone</source>
        <translation>CT Knochen</translation>
    </message>
    <message>
        <source>CT soft tissue</source>
        <translation>CT Weichteile</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>CT Lunge</translation>
    </message>
    <message>
        <source>MR default</source>
        <translation>MR Standard</translation>
    </message>
    <message>
        <source>Maximum intensity projection</source>
        <translation>Maximumintensitätsprojektion</translation>
    </message>
</context>
<context>
    <name>lumen::ui::AiDocks</name>
    <message>
        <source>AI assist</source>
        <translation>KI-Assistenz</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>&amp;Run the selected model</source>
        <translation>Gewähltes Modell &amp;ausführen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Add the open case to the training set</source>
        <translation>Geöffneten Fall zum Trainingsdatensatz &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Model manager…</source>
        <translation>&amp;Modellverwaltung…</translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n proposed label(s)</source>
        <translation>
            <numerusform>%n vorgeschlagenes Label akzeptiert</numerusform>
            <numerusform>%n vorgeschlagene Labels akzeptiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n finding(s)</source>
        <translation>
            <numerusform> und %n Befund</numerusform>
            <numerusform> und %n Befunde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n proposed label(s)</source>
        <translation>
            <numerusform>%n vorgeschlagenes Label abgelehnt</numerusform>
            <numerusform>%n vorgeschlagene Labels abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n finding(s) (Undo brings the labels back)</source>
        <translation>
            <numerusform> und %n Befund (Rückgängig holt die Labels zurück)</numerusform>
            <numerusform> und %n Befunde (Rückgängig holt die Labels zurück)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::ui::AiPanel</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Run on this series</source>
        <translation>Auf dieser Serie ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the model registry again (bundled, imported and fine-tuned versions)</source>
        <translation>Modellregister neu lesen (mitgelieferte, importierte und nachtrainierte Versionen)</translation>
    </message>
    <message>
        <source>Device: (starts with the first run)</source>
        <translation>Gerät: (startet mit dem ersten Lauf)</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 läuft…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Failed:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Fehlgeschlagen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source> (bundled)</source>
        <translation> (mitgeliefert)</translation>
    </message>
    <message>
        <source>The active version</source>
        <translation>Die aktive Version</translation>
    </message>
    <message>
        <source>An earlier or inactive version</source>
        <translation>Eine frühere oder inaktive Version</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Manage…</source>
        <translation>Verwalten…</translation>
    </message>
    <message>
        <source>The model manager: versions, lineage, activate, roll back, import</source>
        <translation>Die Modellverwaltung: Versionen, Herkunft, aktivieren, zurücksetzen, importieren</translation>
    </message>
    <message>
        <source>Accept all proposals</source>
        <translation>Alle Vorschläge akzeptieren</translation>
    </message>
    <message>
        <source>Accept every proposed label and every finding shown (above the score threshold)</source>
        <translation>Jedes vorgeschlagene Label und jeden angezeigten Befund (über der Wertschwelle) akzeptieren</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>Alle ablehnen</translation>
    </message>
    <message>
        <source>Remove every proposed label; mark every finding shown as rejected</source>
        <translation>Jedes vorgeschlagene Label entfernen; jeden angezeigten Befund als abgelehnt markieren</translation>
    </message>
    <message>
        <source>Uncertainty map (where the model is unsure)</source>
        <translation>Unsicherheitskarte (wo das Modell unsicher ist)</translation>
    </message>
    <message>
        <source>Segmentation: also compute the model&apos;s uncertainty and show it as a heat map in the slice views (a second or two more per run); untick to hide it</source>
        <translation>Segmentierung: auch die Unsicherheit des Modells berechnen und als Wärmekarte in den Schnittansichten zeigen (ein bis zwei Sekunden mehr pro Lauf); abwählen blendet sie aus</translation>
    </message>
    <message>
        <source>Uncertainty map: violet, a little unsure; magenta, unsure. Below 10 % nothing is drawn.</source>
        <translation>Unsicherheitskarte: violett, etwas unsicher; magenta, unsicher. Unter 10 % wird nichts gezeichnet.</translation>
    </message>
    <message>
        <source>less sure</source>
        <translation>weniger sicher</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; proposes a class: confirm the right one (✓) to make it the case&apos;s class.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; schlägt eine Klasse vor: die richtige bestätigen (✓), damit sie die Klasse des Falls wird.</translation>
    </message>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>This is the case&apos;s class (reviewed by you)</source>
        <translation>Das ist die Klasse des Falls (von Ihnen geprüft)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: class confirmed as &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: Klasse als &lt;b&gt;%2&lt;/b&gt; bestätigt.</translation>
    </message>
    <message>
        <source>Run anyway</source>
        <translation>Trotzdem ausführen</translation>
    </message>
    <message>
        <source>Run the model although the image is not what it was made for; its results come with the warning</source>
        <translation>Das Modell ausführen, obwohl das Bild nicht dem entspricht, wofür es gemacht wurde; die Ergebnisse tragen die Warnung</translation>
    </message>
    <message>
        <source>%1 was not made for this image:</source>
        <translation>%1 wurde nicht für dieses Bild gemacht:</translation>
    </message>
    <message>
        <source>Not run.</source>
        <translation>Nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Do not trust this result without checking it:</source>
        <translation>Diesem Ergebnis nicht ungeprüft vertrauen:</translation>
    </message>
    <message>
        <source>Go to peak</source>
        <translation>Zum Maximum</translation>
    </message>
    <message>
        <source>Move the views to where the saliency map peaks: what the decision rests on most</source>
        <translation>Die Ansichten an das Maximum der Saliency-Karte bewegen: worauf die Entscheidung am meisten beruht</translation>
    </message>
    <message>
        <source>Saliency map (what the decision rests on)</source>
        <translation>Saliency-Karte (worauf die Entscheidung beruht)</translation>
    </message>
    <message>
        <source>Classification, detection: also compute what the model&apos;s decision rests on (where a change of the image would most change it) and show it as a heat map in the slice views (a few seconds more per run); untick to hide it</source>
        <translation>Klassifikation, Detektion: auch berechnen, worauf die Entscheidung des Modells beruht (wo eine Änderung des Bildes sie am meisten ändern würde), und als Wärmekarte in den Schichtansichten zeigen (einige Sekunden mehr pro Lauf); abwählen, um sie auszublenden</translation>
    </message>
    <message>
        <source>weighs little</source>
        <translation>wiegt wenig</translation>
    </message>
    <message>
        <source>weighs most</source>
        <translation>wiegt am meisten</translation>
    </message>
    <message>
        <source>Saliency map: violet, weighs a little; magenta, weighs most. Below 10 % nothing is drawn.</source>
        <translation>Saliency-Karte: violett, wiegt wenig; magenta, wiegt am meisten. Unter 10 % wird nichts gezeichnet.</translation>
    </message>
</context>
<context>
    <name>lumen::ui::AnnotationInteractor</name>
    <message>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>akzeptiert</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
</context>
<context>
    <name>lumen::ui::AnonymiseDialog</name>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Export anonymised</source>
        <translation>Anonymisiert exportieren</translation>
    </message>
    <message>
        <source>A copy of the series for use outside the hospital, de-identified by the DICOM standard (PS3.15 Basic Application Level Confidentiality Profile): names, IDs, dates, institutions and private attributes removed or replaced, UIDs replaced in every reference.</source>
        <translation>Eine Kopie der Serie zur Verwendung außerhalb des Krankenhauses, de-identifiziert nach dem DICOM-Standard (PS3.15, Basic Application Level Confidentiality Profile): Namen, IDs, Daten, Einrichtungen und private Attribute entfernt oder ersetzt, UIDs in jeder Referenz ersetzt.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Export anonymised to</source>
        <translation>Anonymisiert exportieren nach</translation>
    </message>
    <message>
        <source>ANON- and 8 random characters</source>
        <translation>ANON- und 8 zufällige Zeichen</translation>
    </message>
    <message>
        <source>New patient ID</source>
        <translation>Neue Patienten-ID</translation>
    </message>
    <message>
        <source>Identity map</source>
        <translation>Identitätstabelle</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>The map links the new identities to the old ones, so that results that come back can be matched: it stays here, never with the exported files.</source>
        <translation>Die Tabelle verknüpft die neuen Identitäten mit den alten, damit zurückkommende Ergebnisse zugeordnet werden können: Sie bleibt hier, nie bei den exportierten Dateien.</translation>
    </message>
    <message>
        <source>Annotations (none on this series)</source>
        <translation>Annotationen (keine auf dieser Serie)</translation>
    </message>
    <message>
        <source>Annotations: %1</source>
        <translation>Annotationen: %1</translation>
    </message>
    <message>
        <source>Keep the intervals between dates (dates shifted by a random amount per patient)</source>
        <translation>Abstände zwischen Daten erhalten (Daten je Patient um einen zufälligen Betrag verschoben)</translation>
    </message>
    <message>
        <source>Keep descriptions, with the patient&apos;s names and IDs taken out</source>
        <translation>Beschreibungen behalten, ohne Namen und IDs des Patienten</translation>
    </message>
    <message>
        <source>Keep the scanner&apos;s identity (station name, serial numbers)</source>
        <translation>Identität des Geräts behalten (Stationsname, Seriennummern)</translation>
    </message>
    <message>
        <source>Include images with text burned into the pixels (I have checked them)</source>
        <translation>Bilder mit in die Pixel eingebranntem Text einschließen (ich habe sie geprüft)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
</context>
<context>
    <name>lumen::ui::CautionMark</name>
    <message>
        <source>Check this proposal with particular care: %1</source>
        <translation>Diesen Vorschlag besonders sorgfältig prüfen: %1</translation>
    </message>
</context>
<context>
    <name>lumen::ui::FindingsPanel</name>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Akzeptieren</translation>
    </message>
    <message>
        <source>Accept the selected finding</source>
        <translation>Den gewählten Befund akzeptieren</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Reject the selected finding (kept, marked rejected)</source>
        <translation>Den gewählten Befund ablehnen (bleibt erhalten, als abgelehnt markiert)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Remove the selected finding</source>
        <translation>Den gewählten Befund entfernen</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Author %1, created %2, modified %3</source>
        <translation>Autor %1, erstellt %2, geändert %3</translation>
    </message>
    <message>
        <source>Hide a model&apos;s proposals scoring below this, here and in the views</source>
        <translation>Vorschläge eines Modells unter diesem Wert ausblenden, hier und in den Ansichten</translation>
    </message>
    <message>
        <source>Show proposals ≥ 100 % (99 hidden)</source>
        <translation>Vorschläge ≥ 100 % zeigen (99 ausgeblendet)</translation>
    </message>
    <message>
        <source>Accept all shown</source>
        <translation>Alle angezeigten akzeptieren</translation>
    </message>
    <message>
        <source>Accept every proposal above the threshold</source>
        <translation>Jeden Vorschlag über der Schwelle akzeptieren</translation>
    </message>
    <message>
        <source>Show proposals ≥ %1 %</source>
        <translation>Vorschläge ≥ %1 % zeigen</translation>
    </message>
    <message>
        <source> (%1 hidden)</source>
        <translation> (%1 ausgeblendet)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::ImportSummaryDialog</name>
    <message numerus="yes">
        <source>Imported %n series</source>
        <translation>
            <numerusform>%n Serie importiert</numerusform>
            <numerusform>%n Serien importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n files)</source>
        <translation>
            <numerusform> (%n Datei)</numerusform>
            <numerusform> (%n Dateien)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n non-DICOM files skipped</source>
        <translation>
            <numerusform>, %n Nicht-DICOM-Datei übersprungen</numerusform>
            <numerusform>, %n Nicht-DICOM-Dateien übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n unreadable</source>
        <translation>
            <numerusform>, %n unlesbar</numerusform>
            <numerusform>, %n unlesbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Series added or updated</source>
        <translation>Hinzugefügte oder aktualisierte Serien</translation>
    </message>
    <message>
        <source>Unnamed series</source>
        <translation>Unbenannte Serie</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>volume file</source>
        <translation>Volumendatei</translation>
    </message>
    <message>
        <source>Files refused</source>
        <translation>Abgelehnte Dateien</translation>
    </message>
    <message>
        <source>Files skipped (not DICOM or an image file)</source>
        <translation>Übersprungene Dateien (weder DICOM noch Bilddatei)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::InteractivePanel</name>
    <message>
        <source>AI click (K)</source>
        <translation>KI-Klick (K)</translation>
    </message>
    <message>
        <source>The interactive segmentation model AI click uses</source>
        <translation>Das interaktive Segmentierungsmodell, das der KI-Klick verwendet</translation>
    </message>
    <message>
        <source>Click: inside · right or Shift+click: outside · drag: box</source>
        <translation>Klick: innen · Rechts- oder Umschalt+Klick: außen · Ziehen: Box</translation>
    </message>
    <message>
        <source>Each click or box updates a 3D segment, shown as a proposal until you accept it. Ctrl+Z / Ctrl+Shift+Z undo and redo prompts while AI click is on.</source>
        <translation>Jeder Klick und jede Box aktualisiert ein 3D-Segment, das bis zum Akzeptieren ein Vorschlag ist. Strg+Z / Strg+Umschalt+Z machen Eingaben rückgängig bzw. wieder her, solange der KI-Klick aktiv ist.</translation>
    </message>
    <message>
        <source>New object</source>
        <translation>Neues Objekt</translation>
    </message>
    <message>
        <source>Keep this object as a proposal and start the next one</source>
        <translation>Dieses Objekt als Vorschlag behalten und das nächste beginnen</translation>
    </message>
    <message>
        <source>Refine</source>
        <translation>Verfeinern</translation>
    </message>
    <message>
        <source>Correct the segment editor&apos;s active label (drawn, accepted or a model&apos;s proposal) with clicks</source>
        <translation>Das aktive Label des Segment-Editors (gezeichnet, akzeptiert oder Vorschlag eines Modells) mit Klicks korrigieren</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Akzeptieren</translation>
    </message>
    <message>
        <source>The object becomes an annotation; the next click starts another</source>
        <translation>Das Objekt wird zur Annotation; der nächste Klick beginnt ein neues</translation>
    </message>
    <message>
        <source>Undo prompt</source>
        <translation>Eingabe rückgängig</translation>
    </message>
    <message>
        <source>Undo the last click or box (Ctrl+Z while AI click is on)</source>
        <translation>Den letzten Klick oder die letzte Box rückgängig machen (Strg+Z bei aktivem KI-Klick)</translation>
    </message>
    <message>
        <source>Redo prompt</source>
        <translation>Eingabe wiederholen</translation>
    </message>
    <message>
        <source>Redo it (Ctrl+Shift+Z)</source>
        <translation>Wiederherstellen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>Accepted: the next click starts a new object</source>
        <translation>Akzeptiert: der nächste Klick beginnt ein neues Objekt</translation>
    </message>
    <message>
        <source>No interactive model installed</source>
        <translation>Kein interaktives Modell installiert</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
</context>
<context>
    <name>lumen::ui::MainWindow</name>
    <message>
        <source>&amp;Import folder…</source>
        <translation>Ordner &amp;importieren…</translation>
    </message>
    <message>
        <source>Import &amp;DICOMDIR…</source>
        <translation>&amp;DICOMDIR importieren…</translation>
    </message>
    <message>
        <source>&amp;Open image file…</source>
        <translation>Bilddatei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open the &amp;demo study</source>
        <translation>&amp;Demostudie öffnen</translation>
    </message>
    <message>
        <source>Save &amp;screenshot…</source>
        <translation>&amp;Bildschirmfoto speichern…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>&amp;Invertieren</translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation>Ansicht &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Keyboard and mouse</source>
        <translation>&amp;Tastatur und Maus</translation>
    </message>
    <message>
        <source>&amp;About Lumen</source>
        <translation>Ü&amp;ber Lumen</translation>
    </message>
    <message>
        <source>About Lumen</source>
        <translation>Über Lumen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lumen&lt;/b&gt; 0.1 — a radiology viewer with AI assist.&lt;br&gt;Qt %1, VTK, ITK, DCMTK. Not a medical device.</source>
        <translation>&lt;b&gt;Lumen&lt;/b&gt; 0.1 — ein Radiologie-Viewer mit KI-Unterstützung.&lt;br&gt;Qt %1, VTK, ITK, DCMTK. Kein Medizinprodukt.</translation>
    </message>
    <message>
        <source>&amp;Hide patient identity</source>
        <translation>Patientenidentität &amp;ausblenden</translation>
    </message>
    <message>
        <source>&amp;Link scrolling (same frame of reference)</source>
        <translation>Blättern &amp;koppeln (gleiches Bezugssystem)</translation>
    </message>
    <message>
        <source>&amp;Cine</source>
        <translation>&amp;Cine</translation>
    </message>
    <message>
        <source>&amp;Clipping box</source>
        <translation>&amp;Schnittquader</translation>
    </message>
    <message>
        <source>&amp;Volume rendering</source>
        <translation>&amp;Volumendarstellung</translation>
    </message>
    <message>
        <source>1 × 1</source>
        <translation>1 × 1</translation>
    </message>
    <message>
        <source>1 × 2</source>
        <translation>1 × 2</translation>
    </message>
    <message>
        <source>2 × 2</source>
        <translation>2 × 2</translation>
    </message>
    <message>
        <source>MPR + 3D</source>
        <translation>MPR + 3D</translation>
    </message>
    <message>
        <source>Window / level</source>
        <translation>Fenster / Zentrum</translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation>Fadenkreuz</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Ellipse ROI</source>
        <translation>Ellipsen-ROI</translation>
    </message>
    <message>
        <source>Rectangle ROI</source>
        <translation>Rechteck-ROI</translation>
    </message>
    <message>
        <source>Automatic (histogram)</source>
        <translation>Automatisch (Histogramm)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Window / level &amp;presets</source>
        <translation>&amp;Fenstervorgaben</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;3D</source>
        <translation>&amp;3D</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>W/L presets</source>
        <translation>Fenstervorgaben</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Koppeln</translation>
    </message>
    <message>
        <source>3D preset</source>
        <translation>3D-Vorgabe</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Messungen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Lumen</source>
        <translation>Lumen</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Import canceled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Cannot open the series: %1</source>
        <translation>Die Serie kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Writing the demo study (first use)</source>
        <translation>Demostudie wird geschrieben (erster Start)</translation>
    </message>
    <message>
        <source>Cannot write the demo study: %1</source>
        <translation>Die Demostudie kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Import a DICOMDIR</source>
        <translation>Ein DICOMDIR importieren</translation>
    </message>
    <message>
        <source>Import a folder of DICOM files</source>
        <translation>Einen Ordner mit DICOM-Dateien importieren</translation>
    </message>
    <message>
        <source>Open an image file</source>
        <translation>Eine Bilddatei öffnen</translation>
    </message>
    <message>
        <source>Images (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd *.dcm);;All files (*)</source>
        <translation>Bilder (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd *.dcm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Load a label map</source>
        <translation>Eine Labelkarte laden</translation>
    </message>
    <message>
        <source>Save a screenshot</source>
        <translation>Ein Bildschirmfoto speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 — Lumen</source>
        <translation>%1 — Lumen</translation>
    </message>
    <message>
        <source>&amp;Align views to the image grid (oblique scans)</source>
        <translation>Ansichten am Bildgitter &amp;ausrichten (schräge Aufnahmen)</translation>
    </message>
    <message>
        <source>Annotations autosaved</source>
        <translation>Annotationen automatisch gespeichert</translation>
    </message>
    <message>
        <source>Annotations saved</source>
        <translation>Annotationen gespeichert</translation>
    </message>
    <message>
        <source>&amp;Save annotations</source>
        <translation>Annotationen &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Undo label edit</source>
        <translation>Label-Bearbeitung &amp;rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo label edit</source>
        <translation>Label-Bearbeitung &amp;wiederholen</translation>
    </message>
    <message>
        <source>DICOM &amp;SEG…</source>
        <translation>DICOM &amp;SEG…</translation>
    </message>
    <message>
        <source>DICOM S&amp;R (TID 1500)…</source>
        <translation>DICOM S&amp;R (TID 1500)…</translation>
    </message>
    <message>
        <source>&amp;Delete measurement or finding</source>
        <translation>Messung oder Befund &amp;löschen</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>Malen</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Radieren</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllen</translation>
    </message>
    <message>
        <source>Lasso</source>
        <translation>Lasso</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>&amp;Export annotations</source>
        <translation>Annotationen &amp;exportieren</translation>
    </message>
    <message>
        <source>Import &amp;annotations</source>
        <translation>&amp;Annotationen importieren</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>Annotieren</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Segment editor</source>
        <translation>Segment-Editor</translation>
    </message>
    <message>
        <source>Recover annotations</source>
        <translation>Annotationen wiederherstellen</translation>
    </message>
    <message>
        <source>This series has annotations that were not saved when Lumen last closed (it may have crashed).

Restore them, or discard them and keep the last saved state?</source>
        <translation>Diese Serie hat Annotationen, die beim letzten Schließen von Lumen nicht gespeichert wurden (möglicherweise ein Absturz).

Wiederherstellen oder verwerfen und den zuletzt gespeicherten Stand behalten?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>Annotationen exportieren</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Annotationen importieren</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 importiert</translation>
    </message>
    <message>
        <source>&amp;AI</source>
        <translation>&amp;KI</translation>
    </message>
    <message>
        <source>This series is open in the main view already</source>
        <translation>Diese Serie ist bereits in der Hauptansicht geöffnet</translation>
    </message>
    <message>
        <source>Angle: drag along the first arm, then click where the second ends</source>
        <translation>Winkel: entlang des ersten Schenkels ziehen, dann dort klicken, wo der zweite endet</translation>
    </message>
    <message>
        <source>Lasso: draw round the region to fill with the active label</source>
        <translation>Lasso: um den Bereich zeichnen, der mit dem aktiven Label gefüllt wird</translation>
    </message>
    <message numerus="yes">
        <source>%n proposed label(s)</source>
        <translation>
            <numerusform>%n vorgeschlagenes Label</numerusform>
            <numerusform>%n vorgeschlagene Labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n proposed finding(s) not accepted yet are left out</source>
        <translation>
            <numerusform> und %n vorgeschlagener Befund, noch nicht akzeptiert, werden ausgelassen</numerusform>
            <numerusform> und %n vorgeschlagene Befunde, noch nicht akzeptiert, werden ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Export annotations — %1</source>
        <translation>Annotationen exportieren — %1</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>Bildschirmfoto</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <source>Retrieving from the PACS: %1 of %2 images</source>
        <translation>Abruf vom PACS: %1 von %2 Bildern</translation>
    </message>
    <message>
        <source>Retrieving from the PACS: the first image is in; the rest fill in as they arrive</source>
        <translation>Abruf vom PACS: das erste Bild ist da; die übrigen füllen sich beim Eintreffen</translation>
    </message>
    <message>
        <source>Send annotations to &amp;PACS…</source>
        <translation>Annotationen an &amp;PACS senden…</translation>
    </message>
    <message numerus="yes">
        <source>Received %n image(s) from the network</source>
        <translation>
            <numerusform>%n Bild aus dem Netzwerk empfangen</numerusform>
            <numerusform>%n Bilder aus dem Netzwerk empfangen</numerusform>
        </translation>
    </message>
    <message>
        <source>The series is still arriving: send its annotations once it is whole.</source>
        <translation>Die Serie kommt noch an: ihre Annotationen erst senden, wenn sie vollständig ist.</translation>
    </message>
    <message>
        <source>No PACS is configured: add one in Preferences → PACS.</source>
        <translation>Kein PACS eingerichtet: eines unter Einstellungen → PACS hinzufügen.</translation>
    </message>
    <message>
        <source>Send to PACS</source>
        <translation>An PACS senden</translation>
    </message>
    <message>
        <source>Send the annotations to</source>
        <translation>Die Annotationen senden an</translation>
    </message>
    <message>
        <source>There is no PACS named %1 any more: see Preferences → PACS.</source>
        <translation>Es gibt kein PACS namens %1 mehr: siehe Einstellungen → PACS.</translation>
    </message>
    <message>
        <source>Sending the annotations to %1…</source>
        <translation>Annotationen werden an %1 gesendet…</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 hat abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 accepted %2 object(s) but a query finds only %3 of them.</source>
        <translation>%1 hat %2 Objekt(e) angenommen, eine Abfrage findet aber nur %3 davon.</translation>
    </message>
    <message>
        <source>Sent to %1 and found there by a query: %2</source>
        <translation>An %1 gesendet und dort per Abfrage gefunden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) (SEG, SR)</source>
        <translation>
            <numerusform>%n Objekt (SEG, SR)</numerusform>
            <numerusform>%n Objekte (SEG, SR)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot send to %1: %2</source>
        <translation>Senden an %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>&amp;NIfTI label map (+ JSON, ITK-SNAP labels)…</source>
        <translation>&amp;NIfTI-Labelkarte (+ JSON, ITK-SNAP-Labels)…</translation>
    </message>
    <message>
        <source>DICOM &amp;RT Structure Set…</source>
        <translation>DICOM-&amp;RT-Structure-Set…</translation>
    </message>
    <message>
        <source>3D S&amp;licer segmentation (.seg.nrrd)…</source>
        <translation>3D-S&amp;licer-Segmentierung (.seg.nrrd)…</translation>
    </message>
    <message>
        <source>Load &amp;label map (NIfTI, NRRD, Slicer)…</source>
        <translation>&amp;Labelkarte laden (NIfTI, NRRD, Slicer)…</translation>
    </message>
    <message>
        <source>3D Slicer segmentation (*.seg.nrrd)</source>
        <translation>3D-Slicer-Segmentierung (*.seg.nrrd)</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz *.nii);;NRRD (*.nrrd);;MetaImage (*.mha)</source>
        <translation>NIfTI (*.nii.gz *.nii);;NRRD (*.nrrd);;MetaImage (*.mha)</translation>
    </message>
    <message>
        <source>Label maps (*.nii *.nii.gz *.nrrd *.seg.nrrd *.mha *.mhd);;All files (*)</source>
        <translation>Labelkarten (*.nii *.nii.gz *.nrrd *.seg.nrrd *.mha *.mhd);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>DICOM (*.dcm);;All files (*)</source>
        <translation>DICOM (*.dcm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Imported with changes</source>
        <translation>Mit Änderungen importiert</translation>
    </message>
    <message numerus="yes">
        <source>%n more import(s) waiting for the current one</source>
        <translation>
            <numerusform>%n weiterer Import wartet auf den laufenden</numerusform>
            <numerusform>%n weitere Importe warten auf den laufenden</numerusform>
        </translation>
    </message>
    <message>
        <source>An export or import is still running; try again when it is done.</source>
        <translation>Ein Export oder Import läuft noch; bitte danach erneut versuchen.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Export &amp;anonymised…</source>
        <translation>&amp;Anonymisiert exportieren…</translation>
    </message>
    <message>
        <source>Only a DICOM series can be exported anonymised.</source>
        <translation>Nur eine DICOM-Serie kann anonymisiert exportiert werden.</translation>
    </message>
    <message>
        <source>labels as a DICOM SEG</source>
        <translation>Labels als DICOM SEG</translation>
    </message>
    <message>
        <source>findings and measurements as a DICOM SR</source>
        <translation>Befunde und Messungen als DICOM SR</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Exporting anonymised to %1…</source>
        <translation>Anonymisierter Export nach %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n de-identified image(s)</source>
        <translation>
            <numerusform>%n de-identifiziertes Bild exportiert</numerusform>
            <numerusform>%n de-identifizierte Bilder exportiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n annotation object(s)</source>
        <translation>
            <numerusform> und %n Annotationsobjekt</numerusform>
            <numerusform> und %n Annotationsobjekte</numerusform>
        </translation>
    </message>
    <message>
        <source> to %1</source>
        <translation> nach %1</translation>
    </message>
    <message numerus="yes">
        <source>; %n refused</source>
        <translation>
            <numerusform>; %n abgelehnt</numerusform>
            <numerusform>; %n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Nicht exportiert</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>AI click</source>
        <translation>KI-Klick</translation>
    </message>
    <message>
        <source>AI click: click inside the object, right-click or Shift+click outside it, drag a box round it</source>
        <translation>KI-Klick: in das Objekt klicken, rechts oder mit Umschalt+Klick daneben, eine Box darum ziehen</translation>
    </message>
    <message>
        <source>AI click needs an interactive segmentation model: none is installed (AI → Manage models)</source>
        <translation>KI-Klick braucht ein interaktives Segmentierungsmodell: keines ist installiert (KI → Modelle verwalten)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::MeasurementPanel</name>
    <message>
        <source>Measurement</source>
        <translation>Messung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>lumen::ui::ModelManagerDialog</name>
    <message>
        <source>Model manager</source>
        <translation>Modellverwaltung</translation>
    </message>
    <message>
        <source>Model / version</source>
        <translation>Modell / Version</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Training cases</source>
        <translation>Trainingsfälle</translation>
    </message>
    <message>
        <source>Validation score</source>
        <translation>Validierungswert</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>A fine-tune: on its training set&apos;s locked validation cases, with the change against its parent on the same cases. A bundled version: on the cases it was trained with.</source>
        <translation>Ein Fine-Tuning: auf den gesperrten Validierungsfällen seines Trainingsdatensatzes, mit der Änderung gegenüber der Elternversion auf denselben Fällen. Eine mitgelieferte Version: auf den Fällen ihres Trainings.</translation>
    </message>
    <message>
        <source>Make active</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Run this version from now on</source>
        <translation>Ab jetzt diese Version verwenden</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Re-activate the version that was active before the current one</source>
        <translation>Die vor der aktuellen aktive Version wieder aktivieren</translation>
    </message>
    <message>
        <source>Import package…</source>
        <translation>Paket importieren…</translation>
    </message>
    <message>
        <source>Add a Lumen model package folder (model.json + model.pt)</source>
        <translation>Einen Lumen-Modellpaketordner hinzufügen (model.json + model.pt)</translation>
    </message>
    <message>
        <source>Import MONAI bundle…</source>
        <translation>MONAI-Bundle importieren…</translation>
    </message>
    <message>
        <source>Convert a MONAI bundle folder (configs/, models/model.ts) and add it</source>
        <translation>Einen MONAI-Bundle-Ordner (configs/, models/model.ts) umwandeln und hinzufügen</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: erledigt.</translation>
    </message>
    <message>
        <source>★ active</source>
        <translation>★ aktiv</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <source>MONAI bundle folder</source>
        <translation>MONAI-Bundle-Ordner</translation>
    </message>
    <message>
        <source>Model package folder</source>
        <translation>Modellpaketordner</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> auf %1</translation>
    </message>
    <message>
        <source>; %1 there: %2 (%3%4)</source>
        <translation>; %1 dort: %2 (%3%4)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::PacsPanel</name>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Test connection (C-ECHO)</source>
        <translation>Verbindung testen (C-ECHO)</translation>
    </message>
    <message>
        <source>Servers…</source>
        <translation>Server…</translation>
    </message>
    <message>
        <source>e.g. Smith* (wildcards * ?)</source>
        <translation>z. B. Müller* (Platzhalter * ?)</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Patientenname</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Studiendatum</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Patient / study / series</source>
        <translation>Patient / Studie / Serie</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>In Lumen</source>
        <translation>In Lumen</translation>
    </message>
    <message>
        <source>Retrieve</source>
        <translation>Abrufen</translation>
    </message>
    <message>
        <source>Retrieve the selected study or series into Lumen (what is missing only)</source>
        <translation>Die gewählte Studie oder Serie in Lumen abrufen (nur was fehlt)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retrieve missing</source>
        <translation>Fehlende abrufen</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <source>No PACS configured yet: add one with Servers…</source>
        <translation>Noch kein PACS eingerichtet: eines mit Server… hinzufügen</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found</source>
        <translation>
            <numerusform>%n Studie gefunden</numerusform>
            <numerusform>%n Studien gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>partial: %1 of %2</source>
        <translation>teilweise: %1 von %2</translation>
    </message>
    <message>
        <source>Select a study or a series first</source>
        <translation>Zuerst eine Studie oder Serie auswählen</translation>
    </message>
    <message>
        <source>The series opens once whole (%1).</source>
        <translation>Die Serie öffnet sich, sobald sie vollständig ist (%1).</translation>
    </message>
    <message>
        <source>Asking the PACS what the study holds…</source>
        <translation>Das PACS wird nach dem Inhalt der Studie gefragt…</translation>
    </message>
    <message>
        <source>Canceled: %1 of %2 images are in Lumen.</source>
        <translation>Abgebrochen: %1 von %2 Bildern sind in Lumen.</translation>
    </message>
    <message numerus="yes">
        <source>Retrieved: %n series, all %1 images.</source>
        <translation>
            <numerusform>Abgerufen: %n Serie, alle %1 Bilder.</numerusform>
            <numerusform>Abgerufen: %n Serien, alle %1 Bilder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Partial: %1 of %2 images are missing.</source>
        <translation>Unvollständig: %1 von %2 Bildern fehlen.</translation>
    </message>
    <message>
        <source>Retrieve again to fetch only what is missing.</source>
        <translation>Erneut abrufen holt nur, was fehlt.</translation>
    </message>
    <message>
        <source>e.g. *thorax*</source>
        <translation>z. B. *thorax*</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Earlier studies</source>
        <translation>Frühere Studien</translation>
    </message>
    <message>
        <source>Open beside</source>
        <translation>Daneben öffnen</translation>
    </message>
    <message>
        <source>Open the prior beside the current series (1 × 2, linked scrolling)</source>
        <translation>Die Voruntersuchung neben der aktuellen Serie öffnen (1 × 2, gekoppeltes Blättern)</translation>
    </message>
    <message>
        <source>%1 answers.</source>
        <translation>%1 antwortet.</translation>
    </message>
    <message>
        <source>Enter the password or token in Servers…</source>
        <translation>Das Passwort oder Token unter Server… eingeben</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier study(ies) of this patient</source>
        <translation>
            <numerusform>%n frühere Studie dieses Patienten</numerusform>
            <numerusform>%n frühere Studien dieses Patienten</numerusform>
        </translation>
    </message>
    <message>
        <source>Search canceled</source>
        <translation>Suche abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n Serie</numerusform>
            <numerusform>%n Serien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::ui::PacsServersPage</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PACS AE title</source>
        <translation>AE-Titel des PACS</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Lumen&apos;s AE title</source>
        <translation>AE-Titel von Lumen</translation>
    </message>
    <message>
        <source>Lumen&apos;s port (C-MOVE)</source>
        <translation>Port von Lumen (C-MOVE)</translation>
    </message>
    <message>
        <source>Retrieve by</source>
        <translation>Abruf per</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>PACS %1</source>
        <translation>PACS %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test läuft…</translation>
    </message>
    <message>
        <source>The PACS answers and accepts Lumen.</source>
        <translation>Das PACS antwortet und akzeptiert Lumen.</translation>
    </message>
    <message>
        <source>C-GET (DIMSE, one connection)</source>
        <translation>C-GET (DIMSE, eine Verbindung)</translation>
    </message>
    <message>
        <source>C-MOVE (DIMSE, the PACS connects back to Lumen)</source>
        <translation>C-MOVE (DIMSE, das PACS verbindet sich zurück zu Lumen)</translation>
    </message>
    <message>
        <source>WADO-RS (DICOMweb: QIDO-RS, WADO-RS, STOW-RS)</source>
        <translation>WADO-RS (DICOMweb: QIDO-RS, WADO-RS, STOW-RS)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>HTTP basic (user and password)</source>
        <translation>HTTP Basic (Benutzer und Passwort)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>kept in the desktop keyring; empty keeps the stored one</source>
        <translation>im Schlüsselbund gespeichert; leer behält das gespeicherte</translation>
    </message>
    <message>
        <source>the system&apos;s CAs (https); required for DICOM TLS</source>
        <translation>die CAs des Systems (https); für DICOM TLS nötig</translation>
    </message>
    <message>
        <source>DICOM TLS (BCP 195)</source>
        <translation>DICOM TLS (BCP 195)</translation>
    </message>
    <message>
        <source>optional; needed to receive a C-MOVE</source>
        <translation>optional; nötig, um ein C-MOVE zu empfangen</translation>
    </message>
    <message>
        <source>DIMSE</source>
        <translation>DIMSE</translation>
    </message>
    <message>
        <source>Lumen&apos;s certificate (PEM)</source>
        <translation>Zertifikat von Lumen (PEM)</translation>
    </message>
    <message>
        <source>Lumen&apos;s private key (PEM)</source>
        <translation>Privater Schlüssel von Lumen (PEM)</translation>
    </message>
    <message>
        <source>DICOMweb</source>
        <translation>DICOMweb</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>Passwort oder Token</translation>
    </message>
    <message>
        <source>CA file (PEM)</source>
        <translation>CA-Datei (PEM)</translation>
    </message>
    <message>
        <source>After Save, send SEG and SR to</source>
        <translation>Nach dem Speichern SEG und SR senden an</translation>
    </message>
    <message>
        <source>Receive studies sent to Lumen (C-STORE)</source>
        <translation>An Lumen gesendete Studien empfangen (C-STORE)</translation>
    </message>
    <message>
        <source>as</source>
        <translation>als</translation>
    </message>
    <message>
        <source>on port</source>
        <translation>auf Port</translation>
    </message>
    <message>
        <source>no PACS (File ▸ Send to PACS sends by hand)</source>
        <translation>kein PACS (Datei ▸ An PACS senden sendet von Hand)</translation>
    </message>
    <message>
        <source>Receiving needs Lumen&apos;s AE title</source>
        <translation>Zum Empfangen ist der AE-Titel von Lumen nötig</translation>
    </message>
    <message>
        <source>De-identify what is sent here (a PACS outside the hospital)</source>
        <translation>Was hierher gesendet wird, de-identifizieren (ein PACS außerhalb des Krankenhauses)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Hide patient name and ID in the views</source>
        <translation>Patientenname und -ID in den Ansichten ausblenden</translation>
    </message>
    <message>
        <source>Copy imported files into Lumen&apos;s folder</source>
        <translation>Importierte Dateien in den Lumen-Ordner kopieren</translation>
    </message>
    <message>
        <source> images/s</source>
        <translation> Bilder/s</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>A new language takes effect when Lumen starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Lumen.</translation>
    </message>
    <message>
        <source>Cine speed</source>
        <translation>Cine-Geschwindigkeit</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
</context>
<context>
    <name>lumen::ui::SegmentEditorPanel</name>
    <message>
        <source>Soft tissue</source>
        <translation>Weichteil</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Lunge</translation>
    </message>
    <message>
        <source>Fat</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>Contrast vessels</source>
        <translation>Kontrastierte Gefäße</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>Voxels</source>
        <translation>Voxel</translation>
    </message>
    <message>
        <source>mL</source>
        <translation>ml</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>A new label, made active</source>
        <translation>Ein neues Label, wird aktiv</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <source>Change the selected label&apos;s colour</source>
        <translation>Farbe des gewählten Labels ändern</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Zusammenführen…</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s voxels into another label</source>
        <translation>Voxel des gewählten Labels in ein anderes Label verschieben</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Clear the selected label&apos;s voxels and remove it</source>
        <translation>Voxel des gewählten Labels leeren und es entfernen</translation>
    </message>
    <message>
        <source>Brush, fill and lasso</source>
        <translation>Pinsel, Füllen und Lasso</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Brush radius (Shift+wheel in a view)</source>
        <translation>Pinselradius (Umschalt+Mausrad in einer Ansicht)</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Radius</translation>
    </message>
    <message>
        <source>3D sphere</source>
        <translation>3D-Kugel</translation>
    </message>
    <message>
        <source>Only empty voxels</source>
        <translation>Nur leere Voxel</translation>
    </message>
    <message>
        <source>Intensity range</source>
        <translation>Intensitätsbereich</translation>
    </message>
    <message>
        <source>Paint and fill only voxels with values in the range (threshold brush)</source>
        <translation>Nur Voxel mit Werten im Bereich malen und füllen (Schwellwertpinsel)</translation>
    </message>
    <message>
        <source>Preset…</source>
        <translation>Vorgabe…</translation>
    </message>
    <message>
        <source>Label tools</source>
        <translation>Label-Werkzeuge</translation>
    </message>
    <message>
        <source>Interpolate slices</source>
        <translation>Schichten interpolieren</translation>
    </message>
    <message>
        <source>Fill the slices between labelled ones (active view&apos;s direction)</source>
        <translation>Schichten zwischen gelabelten füllen (Richtung der aktiven Ansicht)</translation>
    </message>
    <message>
        <source>Fill holes</source>
        <translation>Löcher füllen</translation>
    </message>
    <message>
        <source>Fill background enclosed by the active label</source>
        <translation>Vom aktiven Label umschlossenen Hintergrund füllen</translation>
    </message>
    <message>
        <source>Smooth (open)</source>
        <translation>Glätten (Öffnen)</translation>
    </message>
    <message>
        <source>Remove thin protrusions and specks (1 mm)</source>
        <translation>Dünne Ausläufer und Punkte entfernen (1 mm)</translation>
    </message>
    <message>
        <source>Smooth (close)</source>
        <translation>Glätten (Schließen)</translation>
    </message>
    <message>
        <source>Close small gaps and notches (1 mm)</source>
        <translation>Kleine Lücken und Kerben schließen (1 mm)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last label edit (Ctrl+Z)</source>
        <translation>Letzte Label-Bearbeitung rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Wiederholen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Show labels</source>
        <translation>Labels anzeigen</translation>
    </message>
    <message>
        <source>Outline only</source>
        <translation>Nur Umriss</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Load label map…</source>
        <translation>Labelkarte laden…</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>Label-Farbe</translation>
    </message>
    <message>
        <source>Merge labels</source>
        <translation>Labels zusammenführen</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>Zusammenführen in</translation>
    </message>
    <message>
        <source>Label %1</source>
        <translation>Label %1</translation>
    </message>
    <message>
        <source>%1 (value %2) — double-click to rename, tick to show</source>
        <translation>%1 (Wert %2) — Doppelklick zum Umbenennen, Haken zum Anzeigen</translation>
    </message>
    <message>
        <source>Accept proposal</source>
        <translation>Vorschlag akzeptieren</translation>
    </message>
    <message>
        <source>Make the selected proposed label an annotation</source>
        <translation>Das gewählte vorgeschlagene Label zur Annotation machen</translation>
    </message>
    <message>
        <source>Reject proposal</source>
        <translation>Vorschlag ablehnen</translation>
    </message>
    <message>
        <source>Remove the selected proposed label (Undo brings it back)</source>
        <translation>Das gewählte vorgeschlagene Label entfernen (Rückgängig holt es zurück)</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>Alle akzeptieren</translation>
    </message>
    <message>
        <source>Accept every proposed label</source>
        <translation>Jedes vorgeschlagene Label akzeptieren</translation>
    </message>
    <message>
        <source>Proposed by %1 %2: correct it with the tools, then accept it (or reject it)</source>
        <translation>Vorgeschlagen von %1 %2: mit den Werkzeugen korrigieren, dann akzeptieren (oder ablehnen)</translation>
    </message>
    <message>
        <source>A NIfTI, NRRD, MHA or 3D Slicer label map of this image (another grid is placed onto it)</source>
        <translation>Eine NIfTI-, NRRD-, MHA- oder 3D-Slicer-Labelkarte dieses Bildes (ein anderes Gitter wird darauf übertragen)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard and mouse</source>
        <translation>Tastatur und Maus</translation>
    </message>
    <message>
        <source>Left drag</source>
        <translation>Ziehen mit linker Taste</translation>
    </message>
    <message>
        <source>Window / level (or the selected tool)</source>
        <translation>Fenster / Zentrum (oder das gewählte Werkzeug)</translation>
    </message>
    <message>
        <source>Right drag</source>
        <translation>Ziehen mit rechter Taste</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoomen</translation>
    </message>
    <message>
        <source>Middle drag</source>
        <translation>Ziehen mit mittlerer Taste</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Wheel, Up/Down, PgUp/PgDn</source>
        <translation>Mausrad, Auf/Ab, Bild↑/Bild↓</translation>
    </message>
    <message>
        <source>Next / previous slice</source>
        <translation>Nächste / vorige Schicht</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Pos1 / Ende</translation>
    </message>
    <message>
        <source>First / last slice</source>
        <translation>Erste / letzte Schicht</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Strg+Mausrad</translation>
    </message>
    <message>
        <source>Zoom around the cursor</source>
        <translation>Um den Mauszeiger zoomen</translation>
    </message>
    <message>
        <source>Shift+left drag</source>
        <translation>Umschalt+Ziehen links</translation>
    </message>
    <message>
        <source>Move the crosshair (MPR)</source>
        <translation>Fadenkreuz bewegen (MPR)</translation>
    </message>
    <message>
        <source>Double click</source>
        <translation>Doppelklick</translation>
    </message>
    <message>
        <source>Reset the view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>1 … 8</source>
        <translation>1 … 8</translation>
    </message>
    <message>
        <source>CT presets: brain, subdural, stroke, lung, mediastinum, abdomen, liver, bone</source>
        <translation>CT-Vorgaben: Gehirn, subdural, Schlaganfall, Lunge, Mediastinum, Abdomen, Leber, Knochen</translation>
    </message>
    <message>
        <source>9</source>
        <translation>9</translation>
    </message>
    <message>
        <source>Automatic window (from the histogram)</source>
        <translation>Automatisches Fenster (aus dem Histogramm)</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Invertieren</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Cine on / off</source>
        <translation>Cine ein / aus</translation>
    </message>
    <message>
        <source>Left / Right</source>
        <translation>Links / Rechts</translation>
    </message>
    <message>
        <source>Previous / next time point (4D)</source>
        <translation>Voriger / nächster Zeitpunkt (4D)</translation>
    </message>
    <message>
        <source>W, X, L, A, E, T</source>
        <translation>W, X, L, A, E, T</translation>
    </message>
    <message>
        <source>Tools: window/level, crosshair, length, angle, ellipse, rectangle</source>
        <translation>Werkzeuge: Fenster/Zentrum, Fadenkreuz, Länge, Winkel, Ellipse, Rechteck</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>F1 … F4</source>
        <translation>F1 … F4</translation>
    </message>
    <message>
        <source>Layouts: 1×1, 1×2, 2×2, MPR</source>
        <translation>Layouts: 1×1, 1×2, 2×2, MPR</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Strg+I</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Einen Ordner importieren</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Strg+O</translation>
    </message>
    <message>
        <source>Open an image file</source>
        <translation>Eine Bilddatei öffnen</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Strg+S</translation>
    </message>
    <message>
        <source>Save a screenshot of the active view</source>
        <translation>Ein Bildschirmfoto der aktiven Ansicht speichern</translation>
    </message>
    <message>
        <source>F11</source>
        <translation>F11</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Key or gesture</source>
        <translation>Taste oder Geste</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>B, Shift+B, F, P, G</source>
        <translation>B, Umschalt+B, F, P, G</translation>
    </message>
    <message>
        <source>Annotation: paint, erase, fill (Ctrl+click: in 3D), lasso, findings (drag box handles)</source>
        <translation>Annotation: malen, radieren, füllen (Strg+Klick: in 3D), Lasso, Befunde (Box-Griffe ziehen)</translation>
    </message>
    <message>
        <source>Shift+wheel</source>
        <translation>Umschalt+Mausrad</translation>
    </message>
    <message>
        <source>Brush size (paint and erase)</source>
        <translation>Pinselgröße (malen und radieren)</translation>
    </message>
    <message>
        <source>Ctrl+Z, Ctrl+Shift+Z</source>
        <translation>Strg+Z, Strg+Umschalt+Z</translation>
    </message>
    <message>
        <source>Undo / redo label edits</source>
        <translation>Label-Bearbeitungen rückgängig / wiederholen</translation>
    </message>
    <message>
        <source>Save annotations (they are also autosaved after every edit)</source>
        <translation>Annotationen speichern (sie werden auch nach jeder Bearbeitung automatisch gespeichert)</translation>
    </message>
    <message>
        <source>Cancel the measurement or lasso being drawn</source>
        <translation>Die gerade gezeichnete Messung oder das Lasso abbrechen</translation>
    </message>
    <message>
        <source>Delete the selected measurement (the selected finding in Findings mode)</source>
        <translation>Die gewählte Messung löschen (im Befundmodus den gewählten Befund)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Strg+Umschalt+S</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Run the model selected in the AI panel on the open series</source>
        <translation>Das im KI-Bereich gewählte Modell auf der geöffneten Serie ausführen</translation>
    </message>
    <message>
        <source>A, R, E, N, P (findings list focused)</source>
        <translation>A, R, E, N, P (Befundliste fokussiert)</translation>
    </message>
    <message>
        <source>Review: accept, reject (then the next proposal), edit the box, next, previous</source>
        <translation>Prüfen: akzeptieren, ablehnen (dann der nächste Vorschlag), Box bearbeiten, nächster, vorheriger</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>AI click: click inside the object, right-click or Shift+click outside it, drag a box; Ctrl+Z / Ctrl+Shift+Z undo and redo its prompts</source>
        <translation>KI-Klick: in das Objekt klicken, rechts oder mit Umschalt+Klick daneben, eine Box ziehen; Strg+Z / Strg+Umschalt+Z machen seine Eingaben rückgängig bzw. wieder her</translation>
    </message>
</context>
<context>
    <name>lumen::ui::SliceView</name>
    <message>
        <source>(patient hidden)</source>
        <translation>(Patient ausgeblendet)</translation>
    </message>
    <message>
        <source>Slice %1 / %2  (%3 mm)</source>
        <translation>Schicht %1 / %2  (%3 mm)</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>F %1  Z %2</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>Time %1 / %2</source>
        <translation>Zeit %1 / %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>(%1, %2, %3) mm</source>
        <translation>(%1; %2; %3) mm</translation>
    </message>
</context>
<context>
    <name>lumen::ui::StudyBrowserPanel</name>
    <message>
        <source>Filter by patient name or ID</source>
        <translation>Nach Patientenname oder -ID filtern</translation>
    </message>
    <message>
        <source>All modalities</source>
        <translation>Alle Modalitäten</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open beside the current series (compare)</source>
        <translation>Neben der aktuellen Serie öffnen (Vergleich)</translation>
    </message>
    <message>
        <source>Remove series from database</source>
        <translation>Serie aus der Datenbank entfernen</translation>
    </message>
    <message>
        <source>Remove series</source>
        <translation>Serie entfernen</translation>
    </message>
    <message>
        <source>Remove this series from Lumen&apos;s database? The files stay where they are.</source>
        <translation>Diese Serie aus der Lumen-Datenbank entfernen? Die Dateien bleiben, wo sie sind.</translation>
    </message>
    <message>
        <source>Remove study from database</source>
        <translation>Studie aus der Datenbank entfernen</translation>
    </message>
    <message>
        <source>Remove study</source>
        <translation>Studie entfernen</translation>
    </message>
    <message>
        <source>Remove this study from Lumen&apos;s database? The files stay where they are.</source>
        <translation>Diese Studie aus der Lumen-Datenbank entfernen? Die Dateien bleiben, wo sie sind.</translation>
    </message>
</context>
<context>
    <name>lumen::ui::Theme</name>
    <message>
        <source>More commands</source>
        <translation>Weitere Befehle</translation>
    </message>
</context>
<context>
    <name>lumen::ui::TrainingChart</name>
    <message>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Validation score</source>
        <translation>Validierungswert</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>Iteration</translation>
    </message>
</context>
<context>
    <name>lumen::ui::TrainingPanel</name>
    <message>
        <source>+%1 / −%2 voxels</source>
        <translation>+%1 / −%2 Voxel</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 accepted, %2 rejected, %3 edited, %4 drawn</source>
        <translation>%1 akzeptiert, %2 abgelehnt, %3 bearbeitet, %4 gezeichnet</translation>
    </message>
    <message>
        <source>drawn by hand</source>
        <translation>von Hand gezeichnet</translation>
    </message>
    <message>
        <source>accepted unchanged</source>
        <translation>unverändert akzeptiert</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Correction effort</source>
        <translation>Korrekturaufwand</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Add open case</source>
        <translation>Geöffneten Fall hinzufügen</translation>
    </message>
    <message>
        <source>Add the open series with its reviewed labels, findings or class to the training cases</source>
        <translation>Die geöffnete Serie mit ihren geprüften Labels, Befunden oder ihrer Klasse zu den Trainingsfällen hinzufügen</translation>
    </message>
    <message>
        <source>Add as validation case</source>
        <translation>Als Validierungsfall hinzufügen</translation>
    </message>
    <message>
        <source>Add it to the locked validation split: never trained on, every version is measured on it</source>
        <translation>Zur gesperrten Validierungsmenge hinzufügen: nie trainiert, jede Version wird darauf gemessen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected training case (validation cases are locked)</source>
        <translation>Den gewählten Trainingsfall entfernen (Validierungsfälle sind gesperrt)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Go on from the last checkpoint</source>
        <translation>Vom letzten Checkpoint aus weitermachen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Delete the interrupted run and its checkpoints</source>
        <translation>Den unterbrochenen Lauf und seine Checkpoints löschen</translation>
    </message>
    <message>
        <source> iterations</source>
        <translation> Iterationen</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Fine-Tuning</translation>
    </message>
    <message>
        <source>Fine-tune the active version on the training cases (in the AI worker)</source>
        <translation>Die aktive Version auf den Trainingsfällen nachtrainieren (im KI-Prozess)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause or resume the fine-tune at its next iteration</source>
        <translation>Das Fine-Tuning bei der nächsten Iteration pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the fine-tune and discard it</source>
        <translation>Das Fine-Tuning beenden und verwerfen</translation>
    </message>
    <message>
        <source>Validation metric</source>
        <translation>Validierungsmetrik</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Make active</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Use the new version from now on (Manage models rolls back)</source>
        <translation>Ab jetzt die neue Version verwenden (Modellverwaltung setzt zurück)</translation>
    </message>
    <message>
        <source>Manage models…</source>
        <translation>Modelle verwalten…</translation>
    </message>
    <message>
        <source>Versions, lineage, activate, roll back, import</source>
        <translation>Versionen, Herkunft, aktivieren, zurücksetzen, importieren</translation>
    </message>
    <message>
        <source>Fine-tuning %1: iteration %2 of %3, loss %4</source>
        <translation>Fine-Tuning von %1: Iteration %2 von %3, Verlust %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fine-tuning failed:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Fine-Tuning fehlgeschlagen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Fine-tune canceled and discarded.</source>
        <translation>Fine-Tuning abgebrochen und verworfen.</translation>
    </message>
    <message>
        <source>Choose a model in the AI panel to see its training set.</source>
        <translation>Ein Modell im KI-Bereich wählen, um seinen Trainingsdatensatz zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training set of %1&lt;/b&gt; (shared by its versions)</source>
        <translation>&lt;b&gt;Trainingsdatensatz von %1&lt;/b&gt; (von seinen Versionen geteilt)</translation>
    </message>
    <message>
        <source>validation (locked)</source>
        <translation>Validierung (gesperrt)</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Locked: fine-tuning never trains on it</source>
        <translation>Gesperrt: Fine-Tuning trainiert nie darauf</translation>
    </message>
    <message>
        <source>Began as %1&apos;s proposal</source>
        <translation>Begann als Vorschlag von %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training set:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Trainingsdatensatz:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Add to training set</source>
        <translation>Zum Trainingsdatensatz hinzufügen</translation>
    </message>
    <message>
        <source>Writing the case…</source>
        <translation>Der Fall wird geschrieben…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The case was not added:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Der Fall wurde nicht hinzugefügt:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1 added to the locked validation cases.</source>
        <translation>%1 zu den gesperrten Validierungsfällen hinzugefügt.</translation>
    </message>
    <message>
        <source>%1 added to the training cases.</source>
        <translation>%1 zu den Trainingsfällen hinzugefügt.</translation>
    </message>
    <message>
        <source>Remove case</source>
        <translation>Fall entfernen</translation>
    </message>
    <message>
        <source>Fine-tuning %1 %2: preparing the cases…</source>
        <translation>Fine-Tuning von %1 %2: die Fälle werden vorbereitet…</translation>
    </message>
    <message>
        <source>%1 %2 saved (from %3, %4 iterations in %5 s). It is not active yet.</source>
        <translation>%1 %2 gespeichert (aus %3, %4 Iterationen in %5 s). Sie ist noch nicht aktiv.</translation>
    </message>
    <message>
        <source>⚠ %1 %2 scores lower than %3 on the locked validation cases. Keep %3 unless you know why.</source>
        <translation>⚠ %1 %2 schneidet auf den gesperrten Validierungsfällen schlechter ab als %3. %3 behalten, sofern der Grund nicht bekannt ist.</translation>
    </message>
    <message>
        <source>Make %1 active</source>
        <translation>%1 aktivieren</translation>
    </message>
    <message>
        <source>Paused at iteration %1.</source>
        <translation>Pausiert bei Iteration %1.</translation>
    </message>
    <message>
        <source>Waiting: a model is running on the open series.</source>
        <translation>Wartet: ein Modell läuft auf der geöffneten Serie.</translation>
    </message>
    <message>
        <source>A fine-tune of %1 %2 (%3 iterations, started %4) did not finish.</source>
        <translation>Ein Fine-Tuning von %1 %2 (%3 Iterationen, begonnen %4) wurde nicht beendet.</translation>
    </message>
    <message>
        <source>Fine-tune %1</source>
        <translation>Fine-Tuning %1</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from the training set? Its files are deleted; the series itself and its annotations stay.</source>
        <translation>%1 (%2) aus dem Trainingsdatensatz entfernen? Seine Dateien werden gelöscht; die Serie selbst und ihre Annotationen bleiben.</translation>
    </message>
    <message>
        <source>Add a corrected case to train on first</source>
        <translation>Zuerst einen korrigierten Fall zum Trainieren hinzufügen</translation>
    </message>
    <message>
        <source>Add a validation case first: the new version is measured on it against the old</source>
        <translation>Zuerst einen Validierungsfall hinzufügen: die neue Version wird darauf mit der alten verglichen</translation>
    </message>
    <message>
        <source>Last fine-tune: %1 %2 from %3, made %4%5.</source>
        <translation>Letztes Fine-Tuning: %1 %2 aus %3, erstellt %4%5.</translation>
    </message>
    <message>
        <source>, active</source>
        <translation>, aktiv</translation>
    </message>
    <message>
        <source>, not active</source>
        <translation>, nicht aktiv</translation>
    </message>
    <message numerus="yes">
        <source>%n AI click prompt(s)</source>
        <translation>
            <numerusform>%n KI-Klick-Eingabe</numerusform>
            <numerusform>%n KI-Klick-Eingaben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Lumen, a radiology viewer with AI assist</source>
        <translation>Lumen, ein Radiologie-Viewer mit KI-Unterstützung</translation>
    </message>
    <message>
        <source>Open the demo study (written on first use).</source>
        <translation>Die Demostudie öffnen (beim ersten Mal geschrieben).</translation>
    </message>
    <message>
        <source>Save the window as PNG once a series is open, then quit.</source>
        <translation>Das Fenster als PNG speichern, sobald eine Serie offen ist, dann beenden.</translation>
    </message>
    <message>
        <source>A DICOM file, folder or DICOMDIR, or a NIfTI/NRRD/MHA file to open.</source>
        <translation>Eine DICOM-Datei, ein Ordner oder DICOMDIR oder eine NIfTI/NRRD/MHA-Datei zum Öffnen.</translation>
    </message>
    <message>
        <source>Use this language (en, de, fr) instead of the preference.</source>
        <translation>Diese Sprache (en, de, fr) statt der Einstellung verwenden.</translation>
    </message>
    <message>
        <source>Print when the main window is first painted (ms since the epoch), then quit (benchmarks).</source>
        <translation>Ausgeben, wann das Hauptfenster zuerst gezeichnet wird (ms seit der Epoche), dann beenden (Benchmarks).</translation>
    </message>
    <message>
        <source>Open a window of its own even when Lumen is already running.</source>
        <translation>Ein eigenes Fenster öffnen, auch wenn Lumen schon läuft.</translation>
    </message>
</context>
</TS>
