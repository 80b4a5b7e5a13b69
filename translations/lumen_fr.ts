<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
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
    <name>lumen::logic::Document</name>
    <message>
        <source>Image file</source>
        <translation>Fichier d&apos;image</translation>
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
</context>
<context>
    <name>lumen::logic::SeriesLoadJob</name>
    <message>
        <source>Loading images</source>
        <translation>Chargement des images</translation>
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
        <source>&amp;Delete measurement</source>
        <translation>&amp;Supprimer la mesure</translation>
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
        <source>Load &amp;label map…</source>
        <translation>Charger une carte de &amp;labels…</translation>
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
        <source>Labels</source>
        <translation>Labels</translation>
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
        <source>Label maps (*.nii *.nii.gz *.nrrd *.mha)</source>
        <translation>Cartes de labels (*.nii *.nii.gz *.nrrd *.mha)</translation>
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
    <name>lumen::ui::OverlayPanel</name>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Voxels</source>
        <translation>Voxels</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volume (mL)</translation>
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
        <source>Label %1</source>
        <translation>Label %1</translation>
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
        <source>Cancel the measurement being drawn</source>
        <translation>Annuler la mesure en cours de tracé</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected measurement</source>
        <translation>Supprimer la mesure choisie</translation>
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
</context>
</TS>
