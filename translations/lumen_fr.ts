<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>TrainingSetStore</name>
    <message>
        <source>The training set %1 cannot be read: %2</source>
        <translation>L’ensemble d’entraînement %1 est illisible : %2</translation>
    </message>
    <message>
        <source>The open case has none of %1&apos;s labels (%2): run the model or draw them first.</source>
        <translation>Le cas ouvert n’a aucun des labels de %1 (%2) : lancez d’abord le modèle ou dessinez-les.</translation>
    </message>
    <message>
        <source>The open case&apos;s %1 labels are empty.</source>
        <translation>Les labels %1 du cas ouvert sont vides.</translation>
    </message>
    <message>
        <source>The labels are still %1&apos;s proposal: accept them (after correcting) or reject them first.</source>
        <translation>Les labels sont encore une proposition de %1 : acceptez-les (après correction) ou rejetez-les d’abord.</translation>
    </message>
    <message>
        <source>%1 finding(s) are still proposed: accept or reject each first.</source>
        <translation>%1 observation(s) encore proposée(s) : acceptez ou rejetez chacune d’abord.</translation>
    </message>
    <message>
        <source>The open case has no reviewed %1 findings (%2).</source>
        <translation>Le cas ouvert n’a aucune observation %1 revue (%2).</translation>
    </message>
    <message>
        <source>Open a series first.</source>
        <translation>Ouvrez d’abord une série.</translation>
    </message>
    <message>
        <source>The open case has no %1 class (%2).</source>
        <translation>Le cas ouvert n’a pas de classe %1 (%2).</translation>
    </message>
    <message>
        <source>%1 is a validation case: the validation split is locked, so that every version is measured on the same cases.</source>
        <translation>%1 est un cas de validation : la partition de validation est verrouillée, afin que chaque version soit mesurée sur les mêmes cas.</translation>
    </message>
    <message>
        <source>The training set has no case %1.</source>
        <translation>L’ensemble d’entraînement n’a pas de cas %1.</translation>
    </message>
    <message>
        <source>%1&apos;s class is still its proposal: confirm the class in the AI panel first.</source>
        <translation>La classe de %1 n&apos;est encore qu&apos;une proposition : confirmez d&apos;abord la classe dans le panneau IA.</translation>
    </message>
    <message>
        <source>This series is already %1 (%2): a series can be in the training set once.</source>
        <translation>Cette série est déjà %1 (%2) : une série ne peut figurer qu&apos;une fois dans le jeu d&apos;entraînement.</translation>
    </message>
    <message>
        <source>a validation case</source>
        <translation>un cas de validation</translation>
    </message>
    <message>
        <source>a training case</source>
        <translation>un cas d&apos;entraînement</translation>
    </message>
</context>
<context>
    <name>lumen::core::Finding</name>
    <message>
        <source>proposed</source>
        <translation>proposé</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
</context>
<context>
    <name>lumen::core::WindowLevel</name>
    <message>
        <source>CT brain</source>
        <translation>TDM cerveau</translation>
    </message>
    <message>
        <source>CT subdural</source>
        <translation>TDM sous-dural</translation>
    </message>
    <message>
        <source>CT stroke</source>
        <translation>TDM AVC</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>TDM poumon</translation>
    </message>
    <message>
        <source>CT mediastinum</source>
        <translation>TDM médiastin</translation>
    </message>
    <message>
        <source>CT abdomen</source>
        <translation>TDM abdomen</translation>
    </message>
    <message>
        <source>CT liver</source>
        <translation>TDM foie</translation>
    </message>
    <message>
        <source>CT bone</source>
        <translation>TDM os</translation>
    </message>
</context>
<context>
    <name>lumen::logic::AiAssist</name>
    <message>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>A model is already running</source>
        <translation>Un modèle est déjà en cours</translation>
    </message>
    <message>
        <source>Open a series first</source>
        <translation>Ouvrez d’abord une série</translation>
    </message>
    <message>
        <source>Cannot hand the image to the model: %1</source>
        <translation>Impossible de transmettre l’image au modèle : %1</translation>
    </message>
    <message>
        <source>%1 in %2 s: %3</source>
        <translation>%1 en %2 s : %3</translation>
    </message>
    <message>
        <source>The model&apos;s result cannot be read: %1</source>
        <translation>Le résultat du modèle est illisible : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) proposed for review</source>
        <translation>
            <numerusform>%n observation proposée à la relecture</numerusform>
            <numerusform>%n observations proposées à la relecture</numerusform>
        </translation>
    </message>
    <message>
        <source>Another series was opened while %1 ran; run it again on this one.</source>
        <translation>Une autre série a été ouverte pendant l’exécution de %1 ; relancez-le sur celle-ci.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) proposed, %1 voxels</source>
        <translation>
            <numerusform>%n label proposé, %1 voxels</numerusform>
            <numerusform>%n labels proposés, %1 voxels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; they replace %n earlier unreviewed proposal(s) of this model</source>
        <translation>
            <numerusform>; ils remplacent %n proposition antérieure non revue de ce modèle</numerusform>
            <numerusform>; ils remplacent %n propositions antérieures non revues de ce modèle</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 voxels already labelled (accepted, corrected or drawn) were left as they are</source>
        <translation>; %1 voxels déjà étiquetés (acceptés, corrigés ou dessinés) sont restés tels quels</translation>
    </message>
    <message numerus="yes">
        <source>; %n repeat(s) of findings already reviewed left out</source>
        <translation>
            <numerusform>; %n répétition de constats déjà revus omise</numerusform>
            <numerusform>; %n répétitions de constats déjà revus omises</numerusform>
        </translation>
    </message>
    <message>
        <source>The series is still arriving from the PACS: run the model once it is whole</source>
        <translation>La série arrive encore du PACS : lancez le modèle quand elle sera complète</translation>
    </message>
    <message>
        <source>; out-of-distribution score %1 (above 1: unlike its training images)</source>
        <translation> ; score hors distribution %1 (au-dessus de 1 : différente de ses images d’entraînement)</translation>
    </message>
    <message>
        <source>The saliency map cannot be read: %1</source>
        <translation>La carte de saillance est illisible : %1</translation>
    </message>
</context>
<context>
    <name>lumen::logic::AiModel</name>
    <message>
        <source>The model card cannot be read: %1</source>
        <translation>La fiche du modèle est illisible : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n locked validation case(s) of the training set</source>
        <translation>
            <numerusform>%n cas de validation verrouillé du jeu d&apos;entraînement</numerusform>
            <numerusform>%n cas de validation verrouillés du jeu d&apos;entraînement</numerusform>
        </translation>
    </message>
    <message>
        <source>the locked validation cases of the training set</source>
        <translation>les cas de validation verrouillés du jeu d&apos;entraînement</translation>
    </message>
    <message numerus="yes">
        <source>held-out, %n case(s) (model card)</source>
        <translation>
            <numerusform>mis à part, %n cas (fiche du modèle)</numerusform>
            <numerusform>mis à part, %n cas (fiche du modèle)</numerusform>
        </translation>
    </message>
    <message>
        <source>its training-time validation cases</source>
        <translation>ses cas de validation pendant l&apos;entraînement</translation>
    </message>
    <message>
        <source>segmentation</source>
        <translation>segmentation</translation>
    </message>
    <message>
        <source>detection</source>
        <translation>détection</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>classification</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n thread</numerusform>
            <numerusform>CPU, %n threads</numerusform>
        </translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <translation>GPU : %1</translation>
    </message>
</context>
<context>
    <name>lumen::logic::AiWorkerClient</name>
    <message>
        <source>The AI worker (%1) could not be started.</source>
        <translation>Le processus IA (%1) n’a pas pu être lancé.</translation>
    </message>
    <message>
        <source>The AI worker stopped unexpectedly (it crashed or ran out of memory).</source>
        <translation>Le processus IA s’est arrêté de façon inattendue (plantage ou mémoire insuffisante).</translation>
    </message>
    <message>
        <source>The AI worker exited (code %1).</source>
        <translation>Le processus IA s’est terminé (code %1).</translation>
    </message>
</context>
<context>
    <name>lumen::logic::AnnotationStore</name>
    <message>
        <source>The saved annotations of this series cannot be read (%1); they were left as they are.</source>
        <translation>Les annotations enregistrées de cette série sont illisibles (%1) ; elles ont été laissées telles quelles.</translation>
    </message>
    <message>
        <source>The recovered annotations cannot be read (%1); they were left on disk.</source>
        <translation>Les annotations récupérées sont illisibles (%1) ; elles restent sur le disque.</translation>
    </message>
    <message>
        <source>Cannot save the annotations: %1</source>
        <translation>Impossible d’enregistrer les annotations : %1</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Échec de l’enregistrement automatique : %1</translation>
    </message>
</context>
<context>
    <name>lumen::logic::ArrivingSeries</name>
    <message>
        <source>not an image series</source>
        <translation>pas une série d’images</translation>
    </message>
    <message>
        <source>multi-frame images</source>
        <translation>images multi-trames</translation>
    </message>
    <message>
        <source>the PACS lists an instance without its UID</source>
        <translation>le PACS liste une instance sans UID</translation>
    </message>
    <message>
        <source>the PACS does not list the images&apos; positions</source>
        <translation>le PACS ne donne pas la position des images</translation>
    </message>
    <message>
        <source>no images</source>
        <translation>aucune image</translation>
    </message>
    <message>
        <source>irregular slice spacing</source>
        <translation>espacement des coupes irrégulier</translation>
    </message>
    <message>
        <source>several time points</source>
        <translation>plusieurs instants</translation>
    </message>
</context>
<context>
    <name>lumen::logic::Document</name>
    <message>
        <source>Image file</source>
        <translation>Fichier d&apos;image</translation>
    </message>
</context>
<context>
    <name>lumen::logic::FineTuneController</name>
    <message>
        <source>A fine-tune is already running</source>
        <translation>Un ajustement fin est déjà en cours</translation>
    </message>
    <message>
        <source>The training set has no training case yet: add a corrected case first.</source>
        <translation>L’ensemble d’entraînement n’a pas encore de cas d’entraînement : ajoutez d’abord un cas corrigé.</translation>
    </message>
    <message>
        <source>The training set has no validation case: add one (it is locked) so that the new version can be compared with %1 %2 on cases it never trained on.</source>
        <translation>L’ensemble d’entraînement n’a aucun cas de validation : ajoutez-en un (il est verrouillé) pour comparer la nouvelle version à %1 %2 sur des cas jamais entraînés.</translation>
    </message>
    <message>
        <source>Cannot record the fine-tune: %1</source>
        <translation>Impossible d’enregistrer l’ajustement fin : %1</translation>
    </message>
    <message>
        <source>There is no interrupted fine-tune to resume</source>
        <translation>Aucun ajustement fin interrompu à reprendre</translation>
    </message>
</context>
<context>
    <name>lumen::logic::ImportJob</name>
    <message>
        <source>Reading DICOM headers</source>
        <translation>Lecture des en-têtes DICOM</translation>
    </message>
    <message>
        <source>Copying files into Lumen&apos;s folder</source>
        <translation>Copie des fichiers dans le dossier de Lumen</translation>
    </message>
    <message>
        <source>Making thumbnails</source>
        <translation>Création des vignettes</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>lumen::logic::InteractiveSegmentation</name>
    <message>
        <source>Open a series first</source>
        <translation>Ouvrez d&apos;abord une série</translation>
    </message>
    <message>
        <source>The series is still arriving from the PACS: use AI click once it is whole</source>
        <translation>La série arrive encore du PACS : utilisez le clic IA une fois qu&apos;elle est complète</translation>
    </message>
    <message>
        <source>No interactive segmentation model is installed (AI → Manage models)</source>
        <translation>Aucun modèle de segmentation interactive n&apos;est installé (IA → Gérer les modèles)</translation>
    </message>
    <message>
        <source>There is no segment to refine</source>
        <translation>Il n&apos;y a pas de segment à affiner</translation>
    </message>
    <message>
        <source>Cannot hand the segment to the model: %1</source>
        <translation>Impossible de transmettre le segment au modèle : %1</translation>
    </message>
    <message>
        <source>Wait for the last prompt&apos;s result before accepting</source>
        <translation>Attendez le résultat de la dernière indication avant d&apos;accepter</translation>
    </message>
    <message>
        <source>Cannot hand the image to the model: %1</source>
        <translation>Impossible de transmettre l&apos;image au modèle : %1</translation>
    </message>
    <message>
        <source>AI click: %1</source>
        <translation>Clic IA : %1</translation>
    </message>
    <message>
        <source>AI object %1</source>
        <translation>Objet IA %1</translation>
    </message>
    <message>
        <source>The model&apos;s result cannot be read: %1</source>
        <translation>Le résultat du modèle est illisible : %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n prompt(s), %2 voxels, %3 s</source>
        <translation>
            <numerusform>%1 : %n indication, %2 voxels, %3 s</numerusform>
            <numerusform>%1 : %n indications, %2 voxels, %3 s</numerusform>
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
        <translation>moyenne %1 ± %2%3 (min %4, max %5), %6</translation>
    </message>
    <message>
        <source>Length %1</source>
        <translation>Longueur %1</translation>
    </message>
    <message>
        <source>Angle %1</source>
        <translation>Angle %1</translation>
    </message>
    <message>
        <source>Ellipse %1</source>
        <translation>Ellipse %1</translation>
    </message>
    <message>
        <source>Rectangle %1</source>
        <translation>Rectangle %1</translation>
    </message>
</context>
<context>
    <name>lumen::logic::ModelRegistryClient</name>
    <message>
        <source>The model list cannot be read: %1</source>
        <translation>La liste des modèles est illisible : %1</translation>
    </message>
    <message>
        <source>The AI engine (%1) cannot be started, so there are no models to list.</source>
        <translation>Le moteur IA (%1) ne peut pas être lancé : aucun modèle à afficher.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
    <message>
        <source>%1 cannot be started</source>
        <translation>%1 ne peut pas être lancé</translation>
    </message>
    <message>
        <source>Activating %1 %2</source>
        <translation>Activation de %1 %2</translation>
    </message>
    <message>
        <source>Rolling back %1</source>
        <translation>Retour arrière de %1</translation>
    </message>
    <message>
        <source>Importing the model package %1</source>
        <translation>Import du paquet de modèle %1</translation>
    </message>
    <message>
        <source>Importing the MONAI bundle %1</source>
        <translation>Import du bundle MONAI %1</translation>
    </message>
</context>
<context>
    <name>lumen::logic::PacsListener</name>
    <message>
        <source>Lumen cannot receive as %1 on port %2: %3</source>
        <translation>Lumen ne peut pas recevoir en tant que %1 sur le port %2 : %3</translation>
    </message>
</context>
<context>
    <name>lumen::logic::PacsRetrieveJob</name>
    <message>
        <source>Retrieving</source>
        <translation>Récupération</translation>
    </message>
    <message>
        <source>Asking the PACS what the study holds</source>
        <translation>Interrogation du PACS sur le contenu de l’étude</translation>
    </message>
    <message>
        <source>Connection lost; trying again in %1 s</source>
        <translation>Connexion perdue ; nouvel essai dans %1 s</translation>
    </message>
    <message>
        <source>Making thumbnails</source>
        <translation>Création des vignettes</translation>
    </message>
</context>
<context>
    <name>lumen::logic::ProgressEta</name>
    <message>
        <source>about %1 s left</source>
        <translation>environ %1 s restantes</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>environ %1 min restantes</translation>
    </message>
</context>
<context>
    <name>lumen::logic::SecretStore</name>
    <message>
        <source>no password or token stored for %1</source>
        <translation>aucun mot de passe ni jeton enregistré pour %1</translation>
    </message>
    <message>
        <source>the desktop keyring cannot be read (%1)</source>
        <translation>le trousseau du bureau est illisible (%1)</translation>
    </message>
    <message>
        <source>no desktop keyring (%1): the password is kept until Lumen closes</source>
        <translation>pas de trousseau (%1) : le mot de passe est gardé jusqu’à la fermeture de Lumen</translation>
    </message>
    <message>
        <source>no password or token known for %1 (no desktop keyring in this session)</source>
        <translation>aucun mot de passe ni jeton connu pour %1 (pas de trousseau dans cette session)</translation>
    </message>
    <message>
        <source>no desktop keyring (no D-Bus session): the password is kept until Lumen closes</source>
        <translation>pas de trousseau (pas de session D-Bus) : le mot de passe est gardé jusqu’à la fermeture de Lumen</translation>
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
        <translation>Le label est verrouillé</translation>
    </message>
    <message>
        <source>Open a series first</source>
        <translation>Ouvrez d’abord une série</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is locked</source>
        <translation>« %1 » est verrouillé</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1: %2 voxels to %3</source>
        <translation>%1 : %2 voxels vers %3</translation>
    </message>
    <message>
        <source>, of them %1</source>
        <translation>, dont %1</translation>
    </message>
    <message>
        <source> (tick &quot;only empty voxels&quot; to keep other labels)</source>
        <translation> (cochez « Voxels vides seulement » pour garder les autres labels)</translation>
    </message>
    <message>
        <source>The eraser clears the active label, %1; here is %2: make %2 active to erase it.</source>
        <translation>La gomme efface le label actif, %1 ; ici se trouve %2 : activez %2 pour l&apos;effacer.</translation>
    </message>
</context>
<context>
    <name>lumen::logic::SeriesLoadJob</name>
    <message>
        <source>Loading images</source>
        <translation>Chargement des images</translation>
    </message>
    <message>
        <source>left out, unreadable: %1</source>
        <translation>omis, illisible : %1</translation>
    </message>
</context>
<context>
    <name>lumen::logic::StudyBrowserModel</name>
    <message>
        <source>Image files</source>
        <translation>Fichiers d&apos;image</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(sans description)</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Série %1</translation>
    </message>
    <message>
        <source>%1 · 1 image</source>
        <translation>%1 · 1 image</translation>
    </message>
    <message>
        <source>%1 · %2 images</source>
        <translation>%1 · %2 images</translation>
    </message>
    <message>
        <source>Patient / study / series</source>
        <translation>Patient / examen / série</translation>
    </message>
    <message>
        <source>ID / date / modality</source>
        <translation>ID / date / modalité</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Unnamed series</source>
        <translation>Série sans nom</translation>
    </message>
    <message>
        <source>%1 · volume file</source>
        <translation>%1 · fichier de volume</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>%1 · no images (annotations or documents)</source>
        <translation>%1 · aucune image (annotations ou documents)</translation>
    </message>
</context>
<context>
    <name>lumen::render::VolumePreset</name>
    <message>
        <source>CT bone</source>
        <translation>TDM os</translation>
    </message>
    <message>
        <source>CT soft tissue</source>
        <translation>TDM tissus mous</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>TDM poumon</translation>
    </message>
    <message>
        <source>MR default</source>
        <translation>IRM standard</translation>
    </message>
    <message>
        <source>Maximum intensity projection</source>
        <translation>Projection d&apos;intensité maximale</translation>
    </message>
</context>
<context>
    <name>lumen::ui::AiDocks</name>
    <message>
        <source>AI assist</source>
        <translation>Assistance IA</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>&amp;Run the selected model</source>
        <translation>&amp;Lancer le modèle sélectionné</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Add the open case to the training set</source>
        <translation>&amp;Ajouter le cas ouvert à l’ensemble d’entraînement</translation>
    </message>
    <message>
        <source>&amp;Model manager…</source>
        <translation>&amp;Gestionnaire de modèles…</translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n proposed label(s)</source>
        <translation>
            <numerusform>%n label proposé accepté</numerusform>
            <numerusform>%n labels proposés acceptés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n finding(s)</source>
        <translation>
            <numerusform> et %n constat</numerusform>
            <numerusform> et %n constats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n proposed label(s)</source>
        <translation>
            <numerusform>%n label proposé rejeté</numerusform>
            <numerusform>%n labels proposés rejetés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n finding(s) (Undo brings the labels back)</source>
        <translation>
            <numerusform> et %n constat (Annuler rétablit les labels)</numerusform>
            <numerusform> et %n constats (Annuler rétablit les labels)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::ui::AiPanel</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Run on this series</source>
        <translation>Exécuter sur cette série</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the model registry again (bundled, imported and fine-tuned versions)</source>
        <translation>Relire le registre des modèles (versions fournies, importées et affinées)</translation>
    </message>
    <message>
        <source>Device: (starts with the first run)</source>
        <translation>Appareil : (démarre au premier lancement)</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Appareil : %1</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 en cours…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Failed:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Échec :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source> (bundled)</source>
        <translation> (fourni)</translation>
    </message>
    <message>
        <source>The active version</source>
        <translation>La version active</translation>
    </message>
    <message>
        <source>An earlier or inactive version</source>
        <translation>Une version antérieure ou inactive</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels :</translation>
    </message>
    <message>
        <source>Manage…</source>
        <translation>Gérer…</translation>
    </message>
    <message>
        <source>The model manager: versions, lineage, activate, roll back, import</source>
        <translation>Le gestionnaire de modèles : versions, lignée, activer, revenir en arrière, importer</translation>
    </message>
    <message>
        <source>Accept all proposals</source>
        <translation>Accepter toutes les propositions</translation>
    </message>
    <message>
        <source>Accept every proposed label and every finding shown (above the score threshold)</source>
        <translation>Accepter chaque label proposé et chaque observation affichée (au-dessus du seuil de score)</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>Tout rejeter</translation>
    </message>
    <message>
        <source>Remove every proposed label; mark every finding shown as rejected</source>
        <translation>Supprimer chaque label proposé ; marquer chaque observation affichée comme rejetée</translation>
    </message>
    <message>
        <source>Uncertainty map (where the model is unsure)</source>
        <translation>Carte d’incertitude (où le modèle hésite)</translation>
    </message>
    <message>
        <source>Segmentation: also compute the model&apos;s uncertainty and show it as a heat map in the slice views (a second or two more per run); untick to hide it</source>
        <translation>Segmentation : calculer aussi l’incertitude du modèle et l’afficher en carte de chaleur dans les vues en coupe (une à deux secondes de plus par exécution) ; décocher la masque</translation>
    </message>
    <message>
        <source>Uncertainty map: violet, a little unsure; magenta, unsure. Below 10 % nothing is drawn.</source>
        <translation>Carte d&apos;incertitude : violet, un peu incertain ; magenta, incertain. En dessous de 10 %, rien n&apos;est dessiné.</translation>
    </message>
    <message>
        <source>less sure</source>
        <translation>moins sûr</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>incertain</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; proposes a class: confirm the right one (✓) to make it the case&apos;s class.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; propose une classe : confirmez la bonne (✓) pour en faire la classe du cas.</translation>
    </message>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>This is the case&apos;s class (reviewed by you)</source>
        <translation>C&apos;est la classe du cas (revue par vous)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: class confirmed as &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; : classe confirmée : &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Run anyway</source>
        <translation>Exécuter quand même</translation>
    </message>
    <message>
        <source>Run the model although the image is not what it was made for; its results come with the warning</source>
        <translation>Exécuter le modèle bien que l’image ne soit pas celle pour laquelle il a été conçu ; ses résultats portent l’avertissement</translation>
    </message>
    <message>
        <source>%1 was not made for this image:</source>
        <translation>%1 n’a pas été conçu pour cette image :</translation>
    </message>
    <message>
        <source>Not run.</source>
        <translation>Non exécuté.</translation>
    </message>
    <message>
        <source>Do not trust this result without checking it:</source>
        <translation>Ne vous fiez pas à ce résultat sans le vérifier :</translation>
    </message>
    <message>
        <source>Go to peak</source>
        <translation>Aller au maximum</translation>
    </message>
    <message>
        <source>Move the views to where the saliency map peaks: what the decision rests on most</source>
        <translation>Amener les vues au maximum de la carte de saillance : ce sur quoi la décision repose le plus</translation>
    </message>
    <message>
        <source>Saliency map (what the decision rests on)</source>
        <translation>Carte de saillance (ce sur quoi la décision repose)</translation>
    </message>
    <message>
        <source>Classification, detection: also compute what the model&apos;s decision rests on (where a change of the image would most change it) and show it as a heat map in the slice views (a few seconds more per run); untick to hide it</source>
        <translation>Classification, détection : calculer aussi ce sur quoi la décision du modèle repose (là où une modification de l&apos;image la changerait le plus) et l&apos;afficher en carte thermique dans les coupes (quelques secondes de plus par exécution) ; décocher pour la masquer</translation>
    </message>
    <message>
        <source>weighs little</source>
        <translation>pèse peu</translation>
    </message>
    <message>
        <source>weighs most</source>
        <translation>pèse le plus</translation>
    </message>
    <message>
        <source>Saliency map: violet, weighs a little; magenta, weighs most. Below 10 % nothing is drawn.</source>
        <translation>Carte de saillance : violet, pèse peu ; magenta, pèse le plus. En dessous de 10 %, rien n&apos;est dessiné.</translation>
    </message>
</context>
<context>
    <name>lumen::ui::AnnotationInteractor</name>
    <message>
        <source>proposed</source>
        <translation>proposé</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
</context>
<context>
    <name>lumen::ui::AnonymiseDialog</name>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Export anonymised</source>
        <translation>Exporter anonymisé</translation>
    </message>
    <message>
        <source>A copy of the series for use outside the hospital, de-identified by the DICOM standard (PS3.15 Basic Application Level Confidentiality Profile): names, IDs, dates, institutions and private attributes removed or replaced, UIDs replaced in every reference.</source>
        <translation>Une copie de la série pour un usage hors de l’hôpital, désidentifiée selon la norme DICOM (PS3.15, Basic Application Level Confidentiality Profile) : noms, identifiants, dates, établissements et attributs privés supprimés ou remplacés, UID remplacés dans chaque référence.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Export anonymised to</source>
        <translation>Exporter anonymisé vers</translation>
    </message>
    <message>
        <source>ANON- and 8 random characters</source>
        <translation>ANON- et 8 caractères aléatoires</translation>
    </message>
    <message>
        <source>New patient ID</source>
        <translation>Nouvel identifiant patient</translation>
    </message>
    <message>
        <source>Identity map</source>
        <translation>Table des identités</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>The map links the new identities to the old ones, so that results that come back can be matched: it stays here, never with the exported files.</source>
        <translation>La table relie les nouvelles identités aux anciennes, pour rapprocher les résultats qui reviennent : elle reste ici, jamais avec les fichiers exportés.</translation>
    </message>
    <message>
        <source>Annotations (none on this series)</source>
        <translation>Annotations (aucune sur cette série)</translation>
    </message>
    <message>
        <source>Annotations: %1</source>
        <translation>Annotations : %1</translation>
    </message>
    <message>
        <source>Keep the intervals between dates (dates shifted by a random amount per patient)</source>
        <translation>Garder les intervalles entre les dates (dates décalées d’une durée aléatoire par patient)</translation>
    </message>
    <message>
        <source>Keep descriptions, with the patient&apos;s names and IDs taken out</source>
        <translation>Garder les descriptions, sans les noms ni identifiants du patient</translation>
    </message>
    <message>
        <source>Keep the scanner&apos;s identity (station name, serial numbers)</source>
        <translation>Garder l’identité de l’appareil (nom de station, numéros de série)</translation>
    </message>
    <message>
        <source>Include images with text burned into the pixels (I have checked them)</source>
        <translation>Inclure les images avec du texte incrusté dans les pixels (je les ai vérifiées)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
</context>
<context>
    <name>lumen::ui::CautionMark</name>
    <message>
        <source>Check this proposal with particular care: %1</source>
        <translation>Vérifier cette proposition avec une attention particulière : %1</translation>
    </message>
</context>
<context>
    <name>lumen::ui::FindingsPanel</name>
    <message>
        <source>Finding</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Accept the selected finding</source>
        <translation>Accepter l’observation sélectionnée</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Reject the selected finding (kept, marked rejected)</source>
        <translation>Rejeter l’observation sélectionnée (conservée, marquée rejetée)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected finding</source>
        <translation>Supprimer l’observation sélectionnée</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>Author %1, created %2, modified %3</source>
        <translation>Auteur %1, créé %2, modifié %3</translation>
    </message>
    <message>
        <source>Hide a model&apos;s proposals scoring below this, here and in the views</source>
        <translation>Masquer les propositions d’un modèle sous ce score, ici et dans les vues</translation>
    </message>
    <message>
        <source>Show proposals ≥ 100 % (99 hidden)</source>
        <translation>Propositions ≥ 100 % (99 masquées)</translation>
    </message>
    <message>
        <source>Accept all shown</source>
        <translation>Accepter tout ce qui est affiché</translation>
    </message>
    <message>
        <source>Accept every proposal above the threshold</source>
        <translation>Accepter chaque proposition au-dessus du seuil</translation>
    </message>
    <message>
        <source>Show proposals ≥ %1 %</source>
        <translation>Propositions ≥ %1 %</translation>
    </message>
    <message>
        <source> (%1 hidden)</source>
        <translation> (%1 masquées)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::ImportSummaryDialog</name>
    <message numerus="yes">
        <source>Imported %n series</source>
        <translation>
            <numerusform>%n série importée</numerusform>
            <numerusform>%n séries importées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n files)</source>
        <translation>
            <numerusform> (%n fichier)</numerusform>
            <numerusform> (%n fichiers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n non-DICOM files skipped</source>
        <translation>
            <numerusform>, %n fichier non DICOM ignoré</numerusform>
            <numerusform>, %n fichiers non DICOM ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n unreadable</source>
        <translation>
            <numerusform>, %n illisible</numerusform>
            <numerusform>, %n illisibles</numerusform>
        </translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Series added or updated</source>
        <translation>Séries ajoutées ou mises à jour</translation>
    </message>
    <message>
        <source>Unnamed series</source>
        <translation>Série sans nom</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message>
        <source>volume file</source>
        <translation>fichier de volume</translation>
    </message>
    <message>
        <source>Files refused</source>
        <translation>Fichiers refusés</translation>
    </message>
    <message>
        <source>Files skipped (not DICOM or an image file)</source>
        <translation>Fichiers ignorés (ni DICOM ni fichier image)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::InteractivePanel</name>
    <message>
        <source>AI click (K)</source>
        <translation>Clic IA (K)</translation>
    </message>
    <message>
        <source>The interactive segmentation model AI click uses</source>
        <translation>Le modèle de segmentation interactive utilisé par le clic IA</translation>
    </message>
    <message>
        <source>Click: inside · right or Shift+click: outside · drag: box</source>
        <translation>Clic : dedans · clic droit ou Maj+clic : dehors · glisser : boîte</translation>
    </message>
    <message>
        <source>Each click or box updates a 3D segment, shown as a proposal until you accept it. Ctrl+Z / Ctrl+Shift+Z undo and redo prompts while AI click is on.</source>
        <translation>Chaque clic ou boîte met à jour un segment 3D, affiché comme proposition jusqu&apos;à ce que vous l&apos;acceptiez. Ctrl+Z / Ctrl+Maj+Z annulent et rétablissent les indications tant que le clic IA est actif.</translation>
    </message>
    <message>
        <source>New object</source>
        <translation>Nouvel objet</translation>
    </message>
    <message>
        <source>Keep this object as a proposal and start the next one</source>
        <translation>Garder cet objet comme proposition et commencer le suivant</translation>
    </message>
    <message>
        <source>Refine</source>
        <translation>Affiner</translation>
    </message>
    <message>
        <source>Correct the segment editor&apos;s active label (drawn, accepted or a model&apos;s proposal) with clicks</source>
        <translation>Corriger par des clics le label actif de l&apos;éditeur de segments (dessiné, accepté ou proposé par un modèle)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>The object becomes an annotation; the next click starts another</source>
        <translation>L&apos;objet devient une annotation ; le clic suivant en commence un autre</translation>
    </message>
    <message>
        <source>Undo prompt</source>
        <translation>Annuler l&apos;indication</translation>
    </message>
    <message>
        <source>Undo the last click or box (Ctrl+Z while AI click is on)</source>
        <translation>Annuler le dernier clic ou la dernière boîte (Ctrl+Z quand le clic IA est actif)</translation>
    </message>
    <message>
        <source>Redo prompt</source>
        <translation>Rétablir l&apos;indication</translation>
    </message>
    <message>
        <source>Redo it (Ctrl+Shift+Z)</source>
        <translation>La rétablir (Ctrl+Maj+Z)</translation>
    </message>
    <message>
        <source>Accepted: the next click starts a new object</source>
        <translation>Accepté : le clic suivant commence un nouvel objet</translation>
    </message>
    <message>
        <source>No interactive model installed</source>
        <translation>Aucun modèle interactif installé</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Calcul en cours…</translation>
    </message>
</context>
<context>
    <name>lumen::ui::MainWindow</name>
    <message>
        <source>&amp;Import folder…</source>
        <translation>&amp;Importer un dossier…</translation>
    </message>
    <message>
        <source>Import &amp;DICOMDIR…</source>
        <translation>Importer un &amp;DICOMDIR…</translation>
    </message>
    <message>
        <source>&amp;Open image file…</source>
        <translation>&amp;Ouvrir un fichier d&apos;image…</translation>
    </message>
    <message>
        <source>Open the &amp;demo study</source>
        <translation>Ouvrir l&apos;examen de &amp;démonstration</translation>
    </message>
    <message>
        <source>Save &amp;screenshot…</source>
        <translation>Enregistrer une &amp;capture d&apos;écran…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>&amp;Inverser</translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation>&amp;Réinitialiser la vue</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>Plein é&amp;cran</translation>
    </message>
    <message>
        <source>&amp;Keyboard and mouse</source>
        <translation>Clavier et &amp;souris</translation>
    </message>
    <message>
        <source>&amp;About Lumen</source>
        <translation>À &amp;propos de Lumen</translation>
    </message>
    <message>
        <source>About Lumen</source>
        <translation>À propos de Lumen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lumen&lt;/b&gt; 0.1 — a radiology viewer with AI assist.&lt;br&gt;Qt %1, VTK, ITK, DCMTK. Not a medical device.</source>
        <translation>&lt;b&gt;Lumen&lt;/b&gt; 0.1 — une visionneuse de radiologie assistée par l&apos;IA.&lt;br&gt;Qt %1, VTK, ITK, DCMTK. Ce n&apos;est pas un dispositif médical.</translation>
    </message>
    <message>
        <source>&amp;Hide patient identity</source>
        <translation>&amp;Masquer l&apos;identité du patient</translation>
    </message>
    <message>
        <source>&amp;Link scrolling (same frame of reference)</source>
        <translation>&amp;Lier le défilement (même référentiel)</translation>
    </message>
    <message>
        <source>&amp;Cine</source>
        <translation>&amp;Ciné</translation>
    </message>
    <message>
        <source>&amp;Clipping box</source>
        <translation>&amp;Boîte de découpe</translation>
    </message>
    <message>
        <source>&amp;Volume rendering</source>
        <translation>Rendu &amp;volumique</translation>
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
        <translation>Fenêtre / niveau</translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation>Réticule</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Angle</translation>
    </message>
    <message>
        <source>Ellipse ROI</source>
        <translation>ROI ellipse</translation>
    </message>
    <message>
        <source>Rectangle ROI</source>
        <translation>ROI rectangle</translation>
    </message>
    <message>
        <source>Automatic (histogram)</source>
        <translation>Automatique (histogramme)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Window / level &amp;presets</source>
        <translation>&amp;Préréglages de fenêtre</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;3D</source>
        <translation>&amp;3D</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>W/L presets</source>
        <translation>Préréglages F/N</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source>3D preset</source>
        <translation>Préréglage 3D</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Examens</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Lumen</source>
        <translation>Lumen</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Échec de l&apos;importation : %1</translation>
    </message>
    <message>
        <source>Import canceled</source>
        <translation>Importation annulée</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Cannot open the series: %1</source>
        <translation>Impossible d&apos;ouvrir la série : %1</translation>
    </message>
    <message>
        <source>Writing the demo study (first use)</source>
        <translation>Écriture de l&apos;examen de démonstration (première utilisation)</translation>
    </message>
    <message>
        <source>Cannot write the demo study: %1</source>
        <translation>Impossible d&apos;écrire l&apos;examen de démonstration : %1</translation>
    </message>
    <message>
        <source>Import a DICOMDIR</source>
        <translation>Importer un DICOMDIR</translation>
    </message>
    <message>
        <source>Import a folder of DICOM files</source>
        <translation>Importer un dossier de fichiers DICOM</translation>
    </message>
    <message>
        <source>Open an image file</source>
        <translation>Ouvrir un fichier d&apos;image</translation>
    </message>
    <message>
        <source>Images (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd *.dcm);;All files (*)</source>
        <translation>Images (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd *.dcm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Load a label map</source>
        <translation>Charger une carte de labels</translation>
    </message>
    <message>
        <source>Save a screenshot</source>
        <translation>Enregistrer une capture d&apos;écran</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>%1 — Lumen</source>
        <translation>%1 — Lumen</translation>
    </message>
    <message>
        <source>&amp;Align views to the image grid (oblique scans)</source>
        <translation>&amp;Aligner les vues sur la grille de l&apos;image (acquisitions obliques)</translation>
    </message>
    <message>
        <source>Annotations autosaved</source>
        <translation>Annotations enregistrées automatiquement</translation>
    </message>
    <message>
        <source>Annotations saved</source>
        <translation>Annotations enregistrées</translation>
    </message>
    <message>
        <source>&amp;Save annotations</source>
        <translation>&amp;Enregistrer les annotations</translation>
    </message>
    <message>
        <source>&amp;Undo label edit</source>
        <translation>&amp;Annuler la modification du label</translation>
    </message>
    <message>
        <source>&amp;Redo label edit</source>
        <translation>&amp;Rétablir la modification du label</translation>
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
        <translation>&amp;Supprimer la mesure ou l’observation</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>Peindre</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Gommer</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Remplir</translation>
    </message>
    <message>
        <source>Lasso</source>
        <translation>Lasso</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Observations</translation>
    </message>
    <message>
        <source>&amp;Export annotations</source>
        <translation>&amp;Exporter les annotations</translation>
    </message>
    <message>
        <source>Import &amp;annotations</source>
        <translation>Importer des &amp;annotations</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>Annoter</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Segment editor</source>
        <translation>Éditeur de segments</translation>
    </message>
    <message>
        <source>Recover annotations</source>
        <translation>Récupérer les annotations</translation>
    </message>
    <message>
        <source>This series has annotations that were not saved when Lumen last closed (it may have crashed).

Restore them, or discard them and keep the last saved state?</source>
        <translation>Cette série a des annotations non enregistrées à la dernière fermeture de Lumen (peut-être un plantage).

Les restaurer, ou les abandonner et garder le dernier état enregistré ?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>Exporter les annotations</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Importer des annotations</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 importé</translation>
    </message>
    <message>
        <source>&amp;AI</source>
        <translation>&amp;IA</translation>
    </message>
    <message>
        <source>This series is open in the main view already</source>
        <translation>Cette série est déjà ouverte dans la vue principale</translation>
    </message>
    <message>
        <source>Angle: drag along the first arm, then click where the second ends</source>
        <translation>Angle : faites glisser le long du premier côté, puis cliquez où finit le second</translation>
    </message>
    <message>
        <source>Lasso: draw round the region to fill with the active label</source>
        <translation>Lasso : entourez la région à remplir avec le label actif</translation>
    </message>
    <message numerus="yes">
        <source>%n proposed label(s)</source>
        <translation>
            <numerusform>%n label proposé</numerusform>
            <numerusform>%n labels proposés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n proposed finding(s) not accepted yet are left out</source>
        <translation>
            <numerusform> et %n constat proposé, pas encore acceptés, sont omis</numerusform>
            <numerusform> et %n constats proposés, pas encore acceptés, sont omis</numerusform>
        </translation>
    </message>
    <message>
        <source>Export annotations — %1</source>
        <translation>Exporter les annotations — %1</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <source>Retrieving from the PACS: %1 of %2 images</source>
        <translation>Récupération depuis le PACS : %1 images sur %2</translation>
    </message>
    <message>
        <source>Retrieving from the PACS: the first image is in; the rest fill in as they arrive</source>
        <translation>Récupération depuis le PACS : la première image est là ; les autres se remplissent à leur arrivée</translation>
    </message>
    <message>
        <source>Send annotations to &amp;PACS…</source>
        <translation>Envoyer les annotations au &amp;PACS…</translation>
    </message>
    <message numerus="yes">
        <source>Received %n image(s) from the network</source>
        <translation>
            <numerusform>%n image reçue du réseau</numerusform>
            <numerusform>%n images reçues du réseau</numerusform>
        </translation>
    </message>
    <message>
        <source>The series is still arriving: send its annotations once it is whole.</source>
        <translation>La série arrive encore : envoyez ses annotations une fois complète.</translation>
    </message>
    <message>
        <source>No PACS is configured: add one in Preferences → PACS.</source>
        <translation>Aucun PACS configuré : ajoutez-en un dans Préférences → PACS.</translation>
    </message>
    <message>
        <source>Send to PACS</source>
        <translation>Envoyer au PACS</translation>
    </message>
    <message>
        <source>Send the annotations to</source>
        <translation>Envoyer les annotations à</translation>
    </message>
    <message>
        <source>There is no PACS named %1 any more: see Preferences → PACS.</source>
        <translation>Il n’y a plus de PACS nommé %1 : voir Préférences → PACS.</translation>
    </message>
    <message>
        <source>Sending the annotations to %1…</source>
        <translation>Envoi des annotations à %1…</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 a refusé : %2</translation>
    </message>
    <message>
        <source>%1 accepted %2 object(s) but a query finds only %3 of them.</source>
        <translation>%1 a accepté %2 objet(s) mais une requête n’en trouve que %3.</translation>
    </message>
    <message>
        <source>Sent to %1 and found there by a query: %2</source>
        <translation>Envoyé à %1 et retrouvé par une requête : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) (SEG, SR)</source>
        <translation>
            <numerusform>%n objet (SEG, SR)</numerusform>
            <numerusform>%n objets (SEG, SR)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot send to %1: %2</source>
        <translation>Impossible d’envoyer à %1 : %2</translation>
    </message>
    <message>
        <source>&amp;NIfTI label map (+ JSON, ITK-SNAP labels)…</source>
        <translation>Carte de labels &amp;NIfTI (+ JSON, labels ITK-SNAP)…</translation>
    </message>
    <message>
        <source>DICOM &amp;RT Structure Set…</source>
        <translation>DICOM &amp;RT Structure Set…</translation>
    </message>
    <message>
        <source>3D S&amp;licer segmentation (.seg.nrrd)…</source>
        <translation>Segmentation 3D S&amp;licer (.seg.nrrd)…</translation>
    </message>
    <message>
        <source>Load &amp;label map (NIfTI, NRRD, Slicer)…</source>
        <translation>Charger une carte de &amp;labels (NIfTI, NRRD, Slicer)…</translation>
    </message>
    <message>
        <source>3D Slicer segmentation (*.seg.nrrd)</source>
        <translation>Segmentation 3D Slicer (*.seg.nrrd)</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz *.nii);;NRRD (*.nrrd);;MetaImage (*.mha)</source>
        <translation>NIfTI (*.nii.gz *.nii);;NRRD (*.nrrd);;MetaImage (*.mha)</translation>
    </message>
    <message>
        <source>Label maps (*.nii *.nii.gz *.nrrd *.seg.nrrd *.mha *.mhd);;All files (*)</source>
        <translation>Cartes de labels (*.nii *.nii.gz *.nrrd *.seg.nrrd *.mha *.mhd);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>DICOM (*.dcm);;All files (*)</source>
        <translation>DICOM (*.dcm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Imported with changes</source>
        <translation>Importé avec des modifications</translation>
    </message>
    <message numerus="yes">
        <source>%n more import(s) waiting for the current one</source>
        <translation>
            <numerusform>%n autre import attend la fin de l’import en cours</numerusform>
            <numerusform>%n autres imports attendent la fin de l’import en cours</numerusform>
        </translation>
    </message>
    <message>
        <source>An export or import is still running; try again when it is done.</source>
        <translation>Un export ou un import est encore en cours ; réessayez quand il sera terminé.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Export de %1…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Export &amp;anonymised…</source>
        <translation>Exporter &amp;anonymisé…</translation>
    </message>
    <message>
        <source>Only a DICOM series can be exported anonymised.</source>
        <translation>Seule une série DICOM peut être exportée anonymisée.</translation>
    </message>
    <message>
        <source>labels as a DICOM SEG</source>
        <translation>labels en DICOM SEG</translation>
    </message>
    <message>
        <source>findings and measurements as a DICOM SR</source>
        <translation>résultats et mesures en DICOM SR</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Exporting anonymised to %1…</source>
        <translation>Export anonymisé vers %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n de-identified image(s)</source>
        <translation>
            <numerusform>%n image désidentifiée exportée</numerusform>
            <numerusform>%n images désidentifiées exportées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n annotation object(s)</source>
        <translation>
            <numerusform> et %n objet d’annotation</numerusform>
            <numerusform> et %n objets d’annotation</numerusform>
        </translation>
    </message>
    <message>
        <source> to %1</source>
        <translation> vers %1</translation>
    </message>
    <message numerus="yes">
        <source>; %n refused</source>
        <translation>
            <numerusform>; %n refusée</numerusform>
            <numerusform>; %n refusées</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Non exporté</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
    <message>
        <source>AI click</source>
        <translation>Clic IA</translation>
    </message>
    <message>
        <source>AI click: click inside the object, right-click or Shift+click outside it, drag a box round it</source>
        <translation>Clic IA : cliquez dans l&apos;objet, clic droit ou Maj+clic à côté, glissez une boîte autour</translation>
    </message>
    <message>
        <source>AI click needs an interactive segmentation model: none is installed (AI → Manage models)</source>
        <translation>Le clic IA demande un modèle de segmentation interactive : aucun n&apos;est installé (IA → Gérer les modèles)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::MeasurementPanel</name>
    <message>
        <source>Measurement</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>lumen::ui::ModelManagerDialog</name>
    <message>
        <source>Model manager</source>
        <translation>Gestionnaire de modèles</translation>
    </message>
    <message>
        <source>Model / version</source>
        <translation>Modèle / version</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Training cases</source>
        <translation>Cas d’entraînement</translation>
    </message>
    <message>
        <source>Validation score</source>
        <translation>Score de validation</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>A fine-tune: on its training set&apos;s locked validation cases, with the change against its parent on the same cases. A bundled version: on the cases it was trained with.</source>
        <translation>Un ajustement fin : sur les cas de validation verrouillés de son ensemble d’entraînement, avec l’écart à son parent sur les mêmes cas. Une version fournie : sur les cas de son entraînement.</translation>
    </message>
    <message>
        <source>Make active</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Run this version from now on</source>
        <translation>Utiliser cette version désormais</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Revenir en arrière</translation>
    </message>
    <message>
        <source>Re-activate the version that was active before the current one</source>
        <translation>Réactiver la version active avant l’actuelle</translation>
    </message>
    <message>
        <source>Import package…</source>
        <translation>Importer un paquet…</translation>
    </message>
    <message>
        <source>Add a Lumen model package folder (model.json + model.pt)</source>
        <translation>Ajouter un dossier de paquet de modèle Lumen (model.json + model.pt)</translation>
    </message>
    <message>
        <source>Import MONAI bundle…</source>
        <translation>Importer un bundle MONAI…</translation>
    </message>
    <message>
        <source>Convert a MONAI bundle folder (configs/, models/model.ts) and add it</source>
        <translation>Convertir un dossier de bundle MONAI (configs/, models/model.ts) et l’ajouter</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1 : terminé.</translation>
    </message>
    <message>
        <source>★ active</source>
        <translation>★ actif</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>fourni</translation>
    </message>
    <message>
        <source>MONAI bundle folder</source>
        <translation>Dossier du bundle MONAI</translation>
    </message>
    <message>
        <source>Model package folder</source>
        <translation>Dossier du paquet de modèle</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> sur %1</translation>
    </message>
    <message>
        <source>; %1 there: %2 (%3%4)</source>
        <translation>; %1 ici : %2 (%3%4)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::PacsPanel</name>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>Test connection (C-ECHO)</source>
        <translation>Tester la connexion (C-ECHO)</translation>
    </message>
    <message>
        <source>Servers…</source>
        <translation>Serveurs…</translation>
    </message>
    <message>
        <source>e.g. Smith* (wildcards * ?)</source>
        <translation>ex. Martin* (jokers * ?)</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nom du patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID patient</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>N° d’accession</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Date d’étude</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Patient / study / series</source>
        <translation>Patient / étude / série</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>In Lumen</source>
        <translation>Dans Lumen</translation>
    </message>
    <message>
        <source>Retrieve</source>
        <translation>Récupérer</translation>
    </message>
    <message>
        <source>Retrieve the selected study or series into Lumen (what is missing only)</source>
        <translation>Récupérer l’étude ou la série choisie dans Lumen (seulement ce qui manque)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Retrieve missing</source>
        <translation>Récupérer le manquant</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Test de %1…</translation>
    </message>
    <message>
        <source>No PACS configured yet: add one with Servers…</source>
        <translation>Aucun PACS configuré : ajoutez-en un avec Serveurs…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found</source>
        <translation>
            <numerusform>%n étude trouvée</numerusform>
            <numerusform>%n études trouvées</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>partial: %1 of %2</source>
        <translation>partiel : %1 sur %2</translation>
    </message>
    <message>
        <source>Select a study or a series first</source>
        <translation>Choisissez d’abord une étude ou une série</translation>
    </message>
    <message>
        <source>The series opens once whole (%1).</source>
        <translation>La série s’ouvrira une fois complète (%1).</translation>
    </message>
    <message>
        <source>Asking the PACS what the study holds…</source>
        <translation>Interrogation du PACS sur le contenu de l’étude…</translation>
    </message>
    <message>
        <source>Canceled: %1 of %2 images are in Lumen.</source>
        <translation>Annulé : %1 images sur %2 sont dans Lumen.</translation>
    </message>
    <message numerus="yes">
        <source>Retrieved: %n series, all %1 images.</source>
        <translation>
            <numerusform>Récupéré : %n série, toutes les %1 images.</numerusform>
            <numerusform>Récupéré : %n séries, toutes les %1 images.</numerusform>
        </translation>
    </message>
    <message>
        <source>Partial: %1 of %2 images are missing.</source>
        <translation>Partiel : %1 images sur %2 manquent.</translation>
    </message>
    <message>
        <source>Retrieve again to fetch only what is missing.</source>
        <translation>Récupérer à nouveau ne rapatrie que ce qui manque.</translation>
    </message>
    <message>
        <source>e.g. *thorax*</source>
        <translation>ex. *thorax*</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Earlier studies</source>
        <translation>Études antérieures</translation>
    </message>
    <message>
        <source>Open beside</source>
        <translation>Ouvrir à côté</translation>
    </message>
    <message>
        <source>Open the prior beside the current series (1 × 2, linked scrolling)</source>
        <translation>Ouvrir l’antérieure à côté de la série actuelle (1 × 2, défilement lié)</translation>
    </message>
    <message>
        <source>%1 answers.</source>
        <translation>%1 répond.</translation>
    </message>
    <message>
        <source>Enter the password or token in Servers…</source>
        <translation>Saisissez le mot de passe ou le jeton dans Serveurs…</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier study(ies) of this patient</source>
        <translation>
            <numerusform>%n étude antérieure de ce patient</numerusform>
            <numerusform>%n études antérieures de ce patient</numerusform>
        </translation>
    </message>
    <message>
        <source>Search canceled</source>
        <translation>Recherche annulée</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n série</numerusform>
            <numerusform>%n séries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lumen::ui::PacsServersPage</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>PACS AE title</source>
        <translation>Titre AE du PACS</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Lumen&apos;s AE title</source>
        <translation>Titre AE de Lumen</translation>
    </message>
    <message>
        <source>Lumen&apos;s port (C-MOVE)</source>
        <translation>Port de Lumen (C-MOVE)</translation>
    </message>
    <message>
        <source>Retrieve by</source>
        <translation>Récupérer par</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>PACS %1</source>
        <translation>PACS %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test…</translation>
    </message>
    <message>
        <source>The PACS answers and accepts Lumen.</source>
        <translation>Le PACS répond et accepte Lumen.</translation>
    </message>
    <message>
        <source>C-GET (DIMSE, one connection)</source>
        <translation>C-GET (DIMSE, une connexion)</translation>
    </message>
    <message>
        <source>C-MOVE (DIMSE, the PACS connects back to Lumen)</source>
        <translation>C-MOVE (DIMSE, le PACS se reconnecte à Lumen)</translation>
    </message>
    <message>
        <source>WADO-RS (DICOMweb: QIDO-RS, WADO-RS, STOW-RS)</source>
        <translation>WADO-RS (DICOMweb : QIDO-RS, WADO-RS, STOW-RS)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>HTTP basic (user and password)</source>
        <translation>HTTP basic (utilisateur et mot de passe)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton Bearer</translation>
    </message>
    <message>
        <source>kept in the desktop keyring; empty keeps the stored one</source>
        <translation>gardé dans le trousseau ; vide conserve celui enregistré</translation>
    </message>
    <message>
        <source>the system&apos;s CAs (https); required for DICOM TLS</source>
        <translation>les AC du système (https) ; requis pour DICOM TLS</translation>
    </message>
    <message>
        <source>DICOM TLS (BCP 195)</source>
        <translation>DICOM TLS (BCP 195)</translation>
    </message>
    <message>
        <source>optional; needed to receive a C-MOVE</source>
        <translation>facultatif ; requis pour recevoir un C-MOVE</translation>
    </message>
    <message>
        <source>DIMSE</source>
        <translation>DIMSE</translation>
    </message>
    <message>
        <source>Lumen&apos;s certificate (PEM)</source>
        <translation>Certificat de Lumen (PEM)</translation>
    </message>
    <message>
        <source>Lumen&apos;s private key (PEM)</source>
        <translation>Clé privée de Lumen (PEM)</translation>
    </message>
    <message>
        <source>DICOMweb</source>
        <translation>DICOMweb</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>Mot de passe ou jeton</translation>
    </message>
    <message>
        <source>CA file (PEM)</source>
        <translation>Fichier d’AC (PEM)</translation>
    </message>
    <message>
        <source>After Save, send SEG and SR to</source>
        <translation>Après l’enregistrement, envoyer SEG et SR à</translation>
    </message>
    <message>
        <source>Receive studies sent to Lumen (C-STORE)</source>
        <translation>Recevoir les études envoyées à Lumen (C-STORE)</translation>
    </message>
    <message>
        <source>as</source>
        <translation>en tant que</translation>
    </message>
    <message>
        <source>on port</source>
        <translation>sur le port</translation>
    </message>
    <message>
        <source>no PACS (File ▸ Send to PACS sends by hand)</source>
        <translation>aucun PACS (Fichier ▸ Envoyer au PACS envoie à la main)</translation>
    </message>
    <message>
        <source>Receiving needs Lumen&apos;s AE title</source>
        <translation>La réception nécessite le titre AE de Lumen</translation>
    </message>
    <message>
        <source>De-identify what is sent here (a PACS outside the hospital)</source>
        <translation>Désidentifier ce qui est envoyé ici (un PACS hors de l’hôpital)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Hide patient name and ID in the views</source>
        <translation>Masquer le nom et l&apos;ID du patient dans les vues</translation>
    </message>
    <message>
        <source>Copy imported files into Lumen&apos;s folder</source>
        <translation>Copier les fichiers importés dans le dossier de Lumen</translation>
    </message>
    <message>
        <source> images/s</source>
        <translation> images/s</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>A new language takes effect when Lumen starts again.</source>
        <translation>La nouvelle langue prend effet au prochain démarrage de Lumen.</translation>
    </message>
    <message>
        <source>Cine speed</source>
        <translation>Vitesse du ciné</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
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
        <translation>Tissus mous</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Os</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Poumon</translation>
    </message>
    <message>
        <source>Fat</source>
        <translation>Graisse</translation>
    </message>
    <message>
        <source>Contrast vessels</source>
        <translation>Vaisseaux opacifiés</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrou</translation>
    </message>
    <message>
        <source>Voxels</source>
        <translation>Voxels</translation>
    </message>
    <message>
        <source>mL</source>
        <translation>mL</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>A new label, made active</source>
        <translation>Un nouveau label, rendu actif</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <source>Change the selected label&apos;s colour</source>
        <translation>Changer la couleur du label sélectionné</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s voxels into another label</source>
        <translation>Déplacer les voxels du label sélectionné dans un autre label</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Clear the selected label&apos;s voxels and remove it</source>
        <translation>Effacer les voxels du label sélectionné et le supprimer</translation>
    </message>
    <message>
        <source>Brush, fill and lasso</source>
        <translation>Pinceau, remplissage et lasso</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Brush radius (Shift+wheel in a view)</source>
        <translation>Rayon du pinceau (Maj+molette dans une vue)</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Rayon</translation>
    </message>
    <message>
        <source>3D sphere</source>
        <translation>Sphère 3D</translation>
    </message>
    <message>
        <source>Only empty voxels</source>
        <translation>Voxels vides seulement</translation>
    </message>
    <message>
        <source>Intensity range</source>
        <translation>Plage d’intensité</translation>
    </message>
    <message>
        <source>Paint and fill only voxels with values in the range (threshold brush)</source>
        <translation>Peindre et remplir seulement les voxels dont la valeur est dans la plage (pinceau à seuil)</translation>
    </message>
    <message>
        <source>Preset…</source>
        <translation>Préréglage…</translation>
    </message>
    <message>
        <source>Label tools</source>
        <translation>Outils de label</translation>
    </message>
    <message>
        <source>Interpolate slices</source>
        <translation>Interpoler les coupes</translation>
    </message>
    <message>
        <source>Fill the slices between labelled ones (active view&apos;s direction)</source>
        <translation>Remplir les coupes entre les coupes labellisées (direction de la vue active)</translation>
    </message>
    <message>
        <source>Fill holes</source>
        <translation>Combler les trous</translation>
    </message>
    <message>
        <source>Fill background enclosed by the active label</source>
        <translation>Remplir le fond entouré par le label actif</translation>
    </message>
    <message>
        <source>Smooth (open)</source>
        <translation>Lisser (ouverture)</translation>
    </message>
    <message>
        <source>Remove thin protrusions and specks (1 mm)</source>
        <translation>Supprimer les fines protubérances et les points isolés (1 mm)</translation>
    </message>
    <message>
        <source>Smooth (close)</source>
        <translation>Lisser (fermeture)</translation>
    </message>
    <message>
        <source>Close small gaps and notches (1 mm)</source>
        <translation>Fermer les petits trous et encoches (1 mm)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo the last label edit (Ctrl+Z)</source>
        <translation>Annuler la dernière modification du label (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Rétablir (Ctrl+Maj+Z)</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Show labels</source>
        <translation>Afficher les labels</translation>
    </message>
    <message>
        <source>Outline only</source>
        <translation>Contour seulement</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <source>Load label map…</source>
        <translation>Charger une carte de labels…</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>Couleur du label</translation>
    </message>
    <message>
        <source>Merge labels</source>
        <translation>Fusionner des labels</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>Fusionner dans</translation>
    </message>
    <message>
        <source>Label %1</source>
        <translation>Label %1</translation>
    </message>
    <message>
        <source>%1 (value %2) — double-click to rename, tick to show</source>
        <translation>%1 (valeur %2) — double-clic pour renommer, cocher pour afficher</translation>
    </message>
    <message>
        <source>Accept proposal</source>
        <translation>Accepter la proposition</translation>
    </message>
    <message>
        <source>Make the selected proposed label an annotation</source>
        <translation>Faire du label proposé sélectionné une annotation</translation>
    </message>
    <message>
        <source>Reject proposal</source>
        <translation>Rejeter la proposition</translation>
    </message>
    <message>
        <source>Remove the selected proposed label (Undo brings it back)</source>
        <translation>Supprimer le label proposé sélectionné (Annuler le rétablit)</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>Tout accepter</translation>
    </message>
    <message>
        <source>Accept every proposed label</source>
        <translation>Accepter chaque label proposé</translation>
    </message>
    <message>
        <source>Proposed by %1 %2: correct it with the tools, then accept it (or reject it)</source>
        <translation>Proposé par %1 %2 : corrigez-le avec les outils, puis acceptez-le (ou rejetez-le)</translation>
    </message>
    <message>
        <source>A NIfTI, NRRD, MHA or 3D Slicer label map of this image (another grid is placed onto it)</source>
        <translation>Une carte de labels NIfTI, NRRD, MHA ou 3D Slicer de cette image (une autre grille y est reportée)</translation>
    </message>
</context>
<context>
    <name>lumen::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard and mouse</source>
        <translation>Clavier et souris</translation>
    </message>
    <message>
        <source>Left drag</source>
        <translation>Glisser avec le bouton gauche</translation>
    </message>
    <message>
        <source>Window / level (or the selected tool)</source>
        <translation>Fenêtre / niveau (ou l&apos;outil choisi)</translation>
    </message>
    <message>
        <source>Right drag</source>
        <translation>Glisser avec le bouton droit</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Middle drag</source>
        <translation>Glisser avec le bouton du milieu</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>Wheel, Up/Down, PgUp/PgDn</source>
        <translation>Molette, Haut/Bas, PgPréc/PgSuiv</translation>
    </message>
    <message>
        <source>Next / previous slice</source>
        <translation>Coupe suivante / précédente</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Début / Fin</translation>
    </message>
    <message>
        <source>First / last slice</source>
        <translation>Première / dernière coupe</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+molette</translation>
    </message>
    <message>
        <source>Zoom around the cursor</source>
        <translation>Zoomer autour du curseur</translation>
    </message>
    <message>
        <source>Shift+left drag</source>
        <translation>Maj+glisser à gauche</translation>
    </message>
    <message>
        <source>Move the crosshair (MPR)</source>
        <translation>Déplacer le réticule (MPR)</translation>
    </message>
    <message>
        <source>Double click</source>
        <translation>Double-clic</translation>
    </message>
    <message>
        <source>Reset the view</source>
        <translation>Réinitialiser la vue</translation>
    </message>
    <message>
        <source>1 … 8</source>
        <translation>1 … 8</translation>
    </message>
    <message>
        <source>CT presets: brain, subdural, stroke, lung, mediastinum, abdomen, liver, bone</source>
        <translation>Préréglages TDM : cerveau, sous-dural, AVC, poumon, médiastin, abdomen, foie, os</translation>
    </message>
    <message>
        <source>9</source>
        <translation>9</translation>
    </message>
    <message>
        <source>Automatic window (from the histogram)</source>
        <translation>Fenêtre automatique (d&apos;après l&apos;histogramme)</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Inverser</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Réinitialiser la vue</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Cine on / off</source>
        <translation>Ciné marche / arrêt</translation>
    </message>
    <message>
        <source>Left / Right</source>
        <translation>Gauche / Droite</translation>
    </message>
    <message>
        <source>Previous / next time point (4D)</source>
        <translation>Instant précédent / suivant (4D)</translation>
    </message>
    <message>
        <source>W, X, L, A, E, T</source>
        <translation>W, X, L, A, E, T</translation>
    </message>
    <message>
        <source>Tools: window/level, crosshair, length, angle, ellipse, rectangle</source>
        <translation>Outils : fenêtre/niveau, réticule, longueur, angle, ellipse, rectangle</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>F1 … F4</source>
        <translation>F1 … F4</translation>
    </message>
    <message>
        <source>Layouts: 1×1, 1×2, 2×2, MPR</source>
        <translation>Dispositions : 1×1, 1×2, 2×2, MPR</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Importer un dossier</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open an image file</source>
        <translation>Ouvrir un fichier d&apos;image</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Save a screenshot of the active view</source>
        <translation>Enregistrer une capture de la vue active</translation>
    </message>
    <message>
        <source>F11</source>
        <translation>F11</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Key or gesture</source>
        <translation>Touche ou geste</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>B, Shift+B, F, P, G</source>
        <translation>B, Maj+B, F, P, G</translation>
    </message>
    <message>
        <source>Annotation: paint, erase, fill (Ctrl+click: in 3D), lasso, findings (drag box handles)</source>
        <translation>Annotation : peindre, gommer, remplir (Ctrl+clic : en 3D), lasso, observations (tirer les poignées des boîtes)</translation>
    </message>
    <message>
        <source>Shift+wheel</source>
        <translation>Maj+molette</translation>
    </message>
    <message>
        <source>Brush size (paint and erase)</source>
        <translation>Taille du pinceau (peindre et gommer)</translation>
    </message>
    <message>
        <source>Ctrl+Z, Ctrl+Shift+Z</source>
        <translation>Ctrl+Z, Ctrl+Maj+Z</translation>
    </message>
    <message>
        <source>Undo / redo label edits</source>
        <translation>Annuler / rétablir les modifications de labels</translation>
    </message>
    <message>
        <source>Save annotations (they are also autosaved after every edit)</source>
        <translation>Enregistrer les annotations (elles sont aussi enregistrées automatiquement après chaque modification)</translation>
    </message>
    <message>
        <source>Cancel the measurement or lasso being drawn</source>
        <translation>Annuler la mesure ou le lasso en cours</translation>
    </message>
    <message>
        <source>Delete the selected measurement (the selected finding in Findings mode)</source>
        <translation>Supprimer la mesure sélectionnée (l’observation sélectionnée en mode Observations)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Maj+S</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Run the model selected in the AI panel on the open series</source>
        <translation>Lancer le modèle sélectionné dans le panneau IA sur la série ouverte</translation>
    </message>
    <message>
        <source>A, R, E, N, P (findings list focused)</source>
        <translation>A, R, E, N, P (liste des observations active)</translation>
    </message>
    <message>
        <source>Review: accept, reject (then the next proposal), edit the box, next, previous</source>
        <translation>Revue : accepter, rejeter (puis la proposition suivante), modifier la boîte, suivante, précédente</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>AI click: click inside the object, right-click or Shift+click outside it, drag a box; Ctrl+Z / Ctrl+Shift+Z undo and redo its prompts</source>
        <translation>Clic IA : cliquez dans l&apos;objet, clic droit ou Maj+clic à côté, glissez une boîte ; Ctrl+Z / Ctrl+Maj+Z annulent et rétablissent ses indications</translation>
    </message>
</context>
<context>
    <name>lumen::ui::SliceView</name>
    <message>
        <source>(patient hidden)</source>
        <translation>(patient masqué)</translation>
    </message>
    <message>
        <source>Slice %1 / %2  (%3 mm)</source>
        <translation>Coupe %1 / %2  (%3 mm)</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>F %1  N %2</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>Time %1 / %2</source>
        <translation>Temps %1 / %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>(%1, %2, %3) mm</source>
        <translation>(%1 ; %2 ; %3) mm</translation>
    </message>
</context>
<context>
    <name>lumen::ui::StudyBrowserPanel</name>
    <message>
        <source>Filter by patient name or ID</source>
        <translation>Filtrer par nom ou ID du patient</translation>
    </message>
    <message>
        <source>All modalities</source>
        <translation>Toutes les modalités</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open beside the current series (compare)</source>
        <translation>Ouvrir à côté de la série actuelle (comparer)</translation>
    </message>
    <message>
        <source>Remove series from database</source>
        <translation>Retirer la série de la base</translation>
    </message>
    <message>
        <source>Remove series</source>
        <translation>Retirer la série</translation>
    </message>
    <message>
        <source>Remove this series from Lumen&apos;s database? The files stay where they are.</source>
        <translation>Retirer cette série de la base de Lumen ? Les fichiers restent en place.</translation>
    </message>
    <message>
        <source>Remove study from database</source>
        <translation>Retirer l&apos;examen de la base</translation>
    </message>
    <message>
        <source>Remove study</source>
        <translation>Retirer l&apos;examen</translation>
    </message>
    <message>
        <source>Remove this study from Lumen&apos;s database? The files stay where they are.</source>
        <translation>Retirer cet examen de la base de Lumen ? Les fichiers restent en place.</translation>
    </message>
</context>
<context>
    <name>lumen::ui::Theme</name>
    <message>
        <source>More commands</source>
        <translation>Autres commandes</translation>
    </message>
</context>
<context>
    <name>lumen::ui::TrainingChart</name>
    <message>
        <source>Training loss</source>
        <translation>Perte d’entraînement</translation>
    </message>
    <message>
        <source>Validation score</source>
        <translation>Score de validation</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>Itération</translation>
    </message>
</context>
<context>
    <name>lumen::ui::TrainingPanel</name>
    <message>
        <source>+%1 / −%2 voxels</source>
        <translation>+%1 / −%2 voxels</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 accepted, %2 rejected, %3 edited, %4 drawn</source>
        <translation>%1 acceptées, %2 rejetées, %3 modifiées, %4 dessinées</translation>
    </message>
    <message>
        <source>drawn by hand</source>
        <translation>dessiné à la main</translation>
    </message>
    <message>
        <source>accepted unchanged</source>
        <translation>accepté sans modification</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Correction effort</source>
        <translation>Effort de correction</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Add open case</source>
        <translation>Ajouter le cas ouvert</translation>
    </message>
    <message>
        <source>Add the open series with its reviewed labels, findings or class to the training cases</source>
        <translation>Ajouter la série ouverte avec ses labels, observations ou classe revus aux cas d’entraînement</translation>
    </message>
    <message>
        <source>Add as validation case</source>
        <translation>Ajouter comme cas de validation</translation>
    </message>
    <message>
        <source>Add it to the locked validation split: never trained on, every version is measured on it</source>
        <translation>L’ajouter à la partition de validation verrouillée : jamais entraînée, chaque version y est mesurée</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected training case (validation cases are locked)</source>
        <translation>Retirer le cas d’entraînement sélectionné (les cas de validation sont verrouillés)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Go on from the last checkpoint</source>
        <translation>Repartir du dernier point de contrôle</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Delete the interrupted run and its checkpoints</source>
        <translation>Supprimer l’exécution interrompue et ses points de contrôle</translation>
    </message>
    <message>
        <source> iterations</source>
        <translation> itérations</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fine-tune the active version on the training cases (in the AI worker)</source>
        <translation>Ajuster la version active sur les cas d’entraînement (dans le processus IA)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause or resume the fine-tune at its next iteration</source>
        <translation>Mettre en pause ou reprendre l’ajustement à sa prochaine itération</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the fine-tune and discard it</source>
        <translation>Arrêter l’ajustement et l’abandonner</translation>
    </message>
    <message>
        <source>Validation metric</source>
        <translation>Métrique de validation</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Make active</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Use the new version from now on (Manage models rolls back)</source>
        <translation>Utiliser la nouvelle version désormais (le gestionnaire de modèles revient en arrière)</translation>
    </message>
    <message>
        <source>Manage models…</source>
        <translation>Gérer les modèles…</translation>
    </message>
    <message>
        <source>Versions, lineage, activate, roll back, import</source>
        <translation>Versions, lignée, activer, revenir en arrière, importer</translation>
    </message>
    <message>
        <source>Fine-tuning %1: iteration %2 of %3, loss %4</source>
        <translation>Ajustement de %1 : itération %2 sur %3, perte %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fine-tuning failed:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Échec de l’ajustement :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Fine-tune canceled and discarded.</source>
        <translation>Ajustement annulé et abandonné.</translation>
    </message>
    <message>
        <source>Choose a model in the AI panel to see its training set.</source>
        <translation>Choisissez un modèle dans le panneau IA pour voir son ensemble d’entraînement.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training set of %1&lt;/b&gt; (shared by its versions)</source>
        <translation>&lt;b&gt;Ensemble d’entraînement de %1&lt;/b&gt; (partagé par ses versions)</translation>
    </message>
    <message>
        <source>validation (locked)</source>
        <translation>validation (verrouillé)</translation>
    </message>
    <message>
        <source>training</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <source>Locked: fine-tuning never trains on it</source>
        <translation>Verrouillé : l’ajustement ne s’entraîne jamais dessus</translation>
    </message>
    <message>
        <source>Began as %1&apos;s proposal</source>
        <translation>A commencé comme proposition de %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training set:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Ensemble d’entraînement :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Add to training set</source>
        <translation>Ajouter à l’ensemble d’entraînement</translation>
    </message>
    <message>
        <source>Writing the case…</source>
        <translation>Écriture du cas…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The case was not added:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Le cas n’a pas été ajouté :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1 added to the locked validation cases.</source>
        <translation>%1 ajouté aux cas de validation verrouillés.</translation>
    </message>
    <message>
        <source>%1 added to the training cases.</source>
        <translation>%1 ajouté aux cas d’entraînement.</translation>
    </message>
    <message>
        <source>Remove case</source>
        <translation>Retirer le cas</translation>
    </message>
    <message>
        <source>Fine-tuning %1 %2: preparing the cases…</source>
        <translation>Ajustement de %1 %2 : préparation des cas…</translation>
    </message>
    <message>
        <source>%1 %2 saved (from %3, %4 iterations in %5 s). It is not active yet.</source>
        <translation>%1 %2 enregistrée (depuis %3, %4 itérations en %5 s). Elle n’est pas encore active.</translation>
    </message>
    <message>
        <source>⚠ %1 %2 scores lower than %3 on the locked validation cases. Keep %3 unless you know why.</source>
        <translation>⚠ %1 %2 obtient un score inférieur à %3 sur les cas de validation verrouillés. Gardez %3 à moins d’en connaître la raison.</translation>
    </message>
    <message>
        <source>Make %1 active</source>
        <translation>Activer %1</translation>
    </message>
    <message>
        <source>Paused at iteration %1.</source>
        <translation>En pause à l’itération %1.</translation>
    </message>
    <message>
        <source>Waiting: a model is running on the open series.</source>
        <translation>En attente : un modèle s’exécute sur la série ouverte.</translation>
    </message>
    <message>
        <source>A fine-tune of %1 %2 (%3 iterations, started %4) did not finish.</source>
        <translation>Un ajustement de %1 %2 (%3 itérations, commencé le %4) ne s’est pas terminé.</translation>
    </message>
    <message>
        <source>Fine-tune %1</source>
        <translation>Ajuster %1</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from the training set? Its files are deleted; the series itself and its annotations stay.</source>
        <translation>Retirer %1 (%2) du jeu d&apos;entraînement ? Ses fichiers sont supprimés ; la série et ses annotations restent.</translation>
    </message>
    <message>
        <source>Add a corrected case to train on first</source>
        <translation>Ajoutez d&apos;abord un cas corrigé pour l&apos;entraînement</translation>
    </message>
    <message>
        <source>Add a validation case first: the new version is measured on it against the old</source>
        <translation>Ajoutez d&apos;abord un cas de validation : la nouvelle version y est comparée à l&apos;ancienne</translation>
    </message>
    <message>
        <source>Last fine-tune: %1 %2 from %3, made %4%5.</source>
        <translation>Dernier affinage : %1 %2 issu de %3, créé le %4%5.</translation>
    </message>
    <message>
        <source>, active</source>
        <translation>, active</translation>
    </message>
    <message>
        <source>, not active</source>
        <translation>, non active</translation>
    </message>
    <message numerus="yes">
        <source>%n AI click prompt(s)</source>
        <translation>
            <numerusform>%n indication de clic IA</numerusform>
            <numerusform>%n indications de clic IA</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Lumen, a radiology viewer with AI assist</source>
        <translation>Lumen, une visionneuse de radiologie assistée par l&apos;IA</translation>
    </message>
    <message>
        <source>Open the demo study (written on first use).</source>
        <translation>Ouvrir l&apos;examen de démonstration (écrit à la première utilisation).</translation>
    </message>
    <message>
        <source>Save the window as PNG once a series is open, then quit.</source>
        <translation>Enregistrer la fenêtre en PNG dès qu&apos;une série est ouverte, puis quitter.</translation>
    </message>
    <message>
        <source>A DICOM file, folder or DICOMDIR, or a NIfTI/NRRD/MHA file to open.</source>
        <translation>Un fichier, dossier ou DICOMDIR DICOM, ou un fichier NIfTI/NRRD/MHA à ouvrir.</translation>
    </message>
    <message>
        <source>Use this language (en, de, fr) instead of the preference.</source>
        <translation>Utiliser cette langue (en, de, fr) au lieu de la préférence.</translation>
    </message>
    <message>
        <source>Print when the main window is first painted (ms since the epoch), then quit (benchmarks).</source>
        <translation>Afficher quand la fenêtre principale est dessinée pour la première fois (ms depuis l&apos;epoch), puis quitter (bancs d&apos;essai).</translation>
    </message>
    <message>
        <source>Open a window of its own even when Lumen is already running.</source>
        <translation>Ouvrir une fenêtre à part même si Lumen est déjà lancé.</translation>
    </message>
</context>
</TS>
