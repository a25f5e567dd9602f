<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CachedImageModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Verwendung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>Größe auf Datenträger</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
</context>
<context>
    <name>CleanupView</name>
    <message>
        <source>Scan Again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <source>Remove All</source>
        <translation>Alle entfernen</translation>
    </message>
    <message>
        <source>Remove everything listed; live sessions are never touched</source>
        <translation>Alle aufgeführten Einträge entfernen; laufende Sitzungen bleiben unberührt</translation>
    </message>
    <message>
        <source>Sessions that crashed or were killed can leave records, overlays, staging directories and WSL distributions behind. Live sessions are never listed.</source>
        <translation>Abgestürzte oder zwangsweise beendete Sitzungen können Sitzungsdatensätze, Overlays, Staging-Verzeichnisse und WSL-Distributionen zurücklassen. Laufende Sitzungen werden nie aufgeführt.</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Cannot look for leftovers: %1</source>
        <translation>Nach Überresten kann nicht gesucht werden: %1</translation>
    </message>
    <message>
        <source>Nothing to clean up.</source>
        <translation>Es gibt nichts zu bereinigen.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s), %1 in all.</source>
        <translation>
            <numerusform>%n Eintrag, insgesamt %1.</numerusform>
            <numerusform>%n Einträge, insgesamt %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt…</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n item(s), freed %1.</source>
        <translation>
            <numerusform>%n Eintrag entfernt, %1 freigegeben.</numerusform>
            <numerusform>%n Einträge entfernt, %1 freigegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not remove: %1</source>
        <translation>Konnte nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>Scorpiox Desktop is still running</source>
        <translation>Scorpiox Desktop läuft weiter</translation>
    </message>
    <message>
        <source>Sessions keep running; the tray icon brings the window back.</source>
        <translation>Die Sitzungen laufen weiter; über das Symbol im Infobereich holen Sie das Fenster zurück.</translation>
    </message>
</context>
<context>
    <name>FormatText</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>HostCheckView</name>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Abhilfe</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>ImagesView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Import Tarball…</source>
        <translation>Tarball importieren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Download the selected image from the registry (again, if its digest changed)</source>
        <translation>Das ausgewählte Image aus der Registry herunterladen (erneut, falls sich sein Digest geändert hat)</translation>
    </message>
    <message>
        <source>Cached images</source>
        <translation>Zwischengespeicherte Images</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s), %1 on disk in %2</source>
        <translation>
            <numerusform>%n Image, %1 auf dem Datenträger in %2</numerusform>
            <numerusform>%n Images, %1 auf dem Datenträger in %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) at %1</source>
        <translation>
            <numerusform>%n Image unter %1</numerusform>
            <numerusform>%n Images unter %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The registry cannot be listed: %1</source>
        <translation>Die Registry kann nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>%1 wird abgefragt…</translation>
    </message>
    <message>
        <source>Wait for %1 to finish, or cancel it.</source>
        <translation>Warten Sie, bis „%1“ abgeschlossen ist, oder brechen Sie den Vorgang ab.</translation>
    </message>
    <message>
        <source>Image %1 is ready, %2 on disk.</source>
        <translation>Image %1 ist bereit (%2 auf dem Datenträger).</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation>, noch %1</translation>
    </message>
    <message>
        <source>Pulling %1</source>
        <translation>Herunterladen von %1</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Import von %1</translation>
    </message>
    <message>
        <source>Delete image %1 and its archive from the cache? Sessions will have to pull it again.</source>
        <translation>Image %1 und sein Archiv aus dem Cache löschen? Sitzungen müssen es dann erneut herunterladen.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Image %1 deleted.</source>
        <translation>Image %1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation>%1 abgebrochen.</translation>
    </message>
</context>
<context>
    <name>ImportImageDialog</name>
    <message>
        <source>Import Image</source>
        <translation>Image importieren</translation>
    </message>
    <message>
        <source>rootfs.tar.gz, .tar, .tgz, .tar.xz or .tar.zst</source>
        <translation>rootfs.tar.gz, .tar, .tgz, .tar.xz oder .tar.zst</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Tarball:</source>
        <translation>&amp;Tarball:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Choose the image tarball to import.</source>
        <translation>Wählen Sie den zu importierenden Image-Tarball aus.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>Image Tarball</source>
        <translation>Image-Tarball</translation>
    </message>
    <message>
        <source>Image tarballs (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;All files (*)</source>
        <translation>Image-Tarballs (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Looking for %1…</source>
        <translation>%1 wird gesucht…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Scorpiox Desktop</source>
        <translation>Scorpiox Desktop</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Cleanup</source>
        <translation>Bereinigen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Geheimnisse</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>MountTableModel</name>
    <message>
        <source>Host path</source>
        <translation>Host-Pfad</translation>
    </message>
    <message>
        <source>Container path</source>
        <translation>Container-Pfad</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Mount %1: choose a host path.</source>
        <translation>Einbindung %1: Wählen Sie einen Host-Pfad aus.</translation>
    </message>
    <message>
        <source>Mount %1: the host path %2 must be absolute.</source>
        <translation>Einbindung %1: Der Host-Pfad %2 muss absolut sein.</translation>
    </message>
    <message>
        <source>Mount %1: %2 does not exist.</source>
        <translation>Einbindung %1: %2 existiert nicht.</translation>
    </message>
    <message>
        <source>Mount %1: the container path must be absolute, e.g. /data.</source>
        <translation>Einbindung %1: Der Container-Pfad muss absolut sein, z. B. /data.</translation>
    </message>
    <message>
        <source>Mount %1: looking for %2…</source>
        <translation>Einbindung %1: %2 wird gesucht…</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>New Session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <source>Host network</source>
        <translation>Host-Netzwerk</translation>
    </message>
    <message>
        <source>Isolated (loopback only)</source>
        <translation>Isoliert (nur Loopback)</translation>
    </message>
    <message>
        <source>None (no sockets)</source>
        <translation>Keines (keine Sockets)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Empty: agent_command from the settings.</source>
        <translation>Leer: agent_command aus den Einstellungen.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <source>&amp;Project folder:</source>
        <translation>&amp;Projektordner:</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>&amp;Netzwerk:</translation>
    </message>
    <message>
        <source>&amp;Mounts:</source>
        <translation>&amp;Einbindungen:</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>M&amp;emory limit:</source>
        <translation>Speicher&amp;limit:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Choose the project folder the session works on.</source>
        <translation>Wählen Sie den Projektordner aus, an dem die Sitzung arbeitet.</translation>
    </message>
    <message>
        <source>The project folder %1 does not exist.</source>
        <translation>Der Projektordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Project folder</source>
        <translation>Projektordner</translation>
    </message>
    <message>
        <source>Folder to mount</source>
        <translation>Einzubindender Ordner</translation>
    </message>
    <message>
        <source>Looking for the project folder %1…</source>
        <translation>Projektordner %1 wird gesucht…</translation>
    </message>
</context>
<context>
    <name>OrphanListModel</name>
    <message>
        <source>Session record</source>
        <translation>Sitzungsdatensatz</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Overlay</translation>
    </message>
    <message>
        <source>Staging directory</source>
        <translation>Staging-Verzeichnis</translation>
    </message>
    <message>
        <source>WSL distribution</source>
        <translation>WSL-Distribution</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Why it is an orphan</source>
        <translation>Grund für die Verwaisung</translation>
    </message>
</context>
<context>
    <name>PackageListEdit</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>add a package, Enter</source>
        <translation>Paket hinzufügen mit Eingabetaste</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Install no packages on an image&apos;s first boot</source>
        <translation>Beim ersten Start eines Images keine Pakete installieren</translation>
    </message>
</context>
<context>
    <name>PathEdit</name>
    <message>
        <source>comma-separated absolute paths</source>
        <translation>kommagetrennte absolute Pfade</translation>
    </message>
    <message>
        <source>a folder; ~ is your home</source>
        <translation>ein Ordner; ~ steht für Ihr Benutzerverzeichnis</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Add a folder to the list</source>
        <translation>Einen Ordner zur Liste hinzufügen</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner auswählen</translation>
    </message>
    <message>
        <source>Folder to Add</source>
        <translation>Hinzuzufügender Ordner</translation>
    </message>
    <message>
        <source>Choose Folder</source>
        <translation>Ordner auswählen</translation>
    </message>
</context>
<context>
    <name>RemoteImageModel</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Download size</source>
        <translation>Downloadgröße</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>SecretEntryDialog</name>
    <message>
        <source>Replace Secret</source>
        <translation>Geheimnis ersetzen</translation>
    </message>
    <message>
        <source>Add Secret</source>
        <translation>Geheimnis hinzufügen</translation>
    </message>
    <message>
        <source>e.g. ANTHROPIC_API_KEY</source>
        <translation>z. B. ANTHROPIC_API_KEY</translation>
    </message>
    <message>
        <source>the new value</source>
        <translation>der neue Wert</translation>
    </message>
    <message>
        <source>the value</source>
        <translation>der Wert</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>Stored in the system keychain and set as an environment variable of this name in every new session. It is not shown again.</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert und in jeder neuen Sitzung als Umgebungsvariable dieses Namens gesetzt. Der Wert wird nicht wieder angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Enter the name of the environment variable the secret is set as.</source>
        <translation>Geben Sie den Namen der Umgebungsvariable ein, als die das Geheimnis gesetzt wird.</translation>
    </message>
    <message>
        <source>%1 is not a valid name: use letters, digits and _, not starting with a digit.</source>
        <translation>%1 ist kein gültiger Name: Verwenden Sie Buchstaben, Ziffern und _, nicht mit einer Ziffer beginnend.</translation>
    </message>
    <message>
        <source>Enter the value.</source>
        <translation>Geben Sie den Wert ein.</translation>
    </message>
</context>
<context>
    <name>SecretListModel</name>
    <message>
        <source>Set in every new session as $%1</source>
        <translation>In jeder neuen Sitzung als $%1 gesetzt</translation>
    </message>
    <message>
        <source>Secret %1 replaced.</source>
        <translation>Geheimnis %1 wurde ersetzt.</translation>
    </message>
    <message>
        <source>Secret %1 added.</source>
        <translation>Geheimnis %1 wurde hinzugefügt.</translation>
    </message>
    <message>
        <source>Secret %1 removed.</source>
        <translation>Geheimnis %1 wurde entfernt.</translation>
    </message>
</context>
<context>
    <name>SecretsView</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Re&amp;place…</source>
        <translation>&amp;Ersetzen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>API keys and registry credentials kept in the system keychain. Each one is set as an environment variable of its name in every new session, unless the session sets that variable itself. Values are never shown and never written to settings files.</source>
        <translation>API-Schlüssel und Registry-Zugangsdaten im Schlüsselbund des Systems. Jedes wird in jeder neuen Sitzung als Umgebungsvariable seines Namens gesetzt, sofern die Sitzung diese Variable nicht selbst setzt. Werte werden nie angezeigt und nie in Einstellungsdateien geschrieben.</translation>
    </message>
    <message>
        <source>Asking the keychain…</source>
        <translation>Der Schlüsselbund wird abgefragt…</translation>
    </message>
    <message>
        <source>Waiting for the keychain…</source>
        <translation>Warten auf den Schlüsselbund…</translation>
    </message>
    <message>
        <source>No keychain: secrets cannot be stored.</source>
        <translation>Kein Schlüsselbund: Geheimnisse können nicht gespeichert werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) stored.</source>
        <translation>
            <numerusform>%n Geheimnis gespeichert.</numerusform>
            <numerusform>%n Geheimnisse gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove secret %1 from the keychain? New sessions will no longer get it.</source>
        <translation>Geheimnis %1 aus dem Schlüsselbund entfernen? Neue Sitzungen erhalten es dann nicht mehr.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>resolving</source>
        <translation>wird aufgelöst</translation>
    </message>
    <message>
        <source>preparing image</source>
        <translation>Image wird vorbereitet</translation>
    </message>
    <message>
        <source>creating overlay</source>
        <translation>Overlay wird erstellt</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>wird gestartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird gestoppt</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>timed out after %1 s (container_timeout)</source>
        <translation>Zeitüberschreitung nach %1 s (container_timeout)</translation>
    </message>
    <message>
        <source>the runtime failed</source>
        <translation>Fehler der Container-Laufzeitumgebung</translation>
    </message>
    <message>
        <source>the command could not be executed</source>
        <translation>der Befehl konnte nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>the command was not found</source>
        <translation>der Befehl wurde nicht gefunden</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>durch %1 beendet</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>mit Exit-Code %1 beendet</translation>
    </message>
    <message>
        <source>installing packages</source>
        <translation>pakete werden installiert</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>Resolving</source>
        <translation>Wird aufgelöst</translation>
    </message>
    <message>
        <source>Preparing image</source>
        <translation>Image wird vorbereitet</translation>
    </message>
    <message>
        <source>Creating overlay</source>
        <translation>Overlay wird erstellt</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>(host)</source>
        <translation>(Host)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Installing packages</source>
        <translation>Pakete werden installiert</translation>
    </message>
    <message>
        <source>Its process %1 has ended; Cleanup removes what it left.</source>
        <translation>Sein Prozess %1 ist beendet; „Bereinigen“ entfernt, was er hinterlassen hat.</translation>
    </message>
    <message>
        <source>Run by another process (%1); its terminal is there, Open Shell works here.</source>
        <translation>Läuft in einem anderen Prozess (%1); sein Terminal ist dort, „Shell öffnen“ funktioniert hier.</translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation>Verwaist</translation>
    </message>
</context>
<context>
    <name>SessionTerminalTab</name>
    <message>
        <source>The session failed: %1</source>
        <translation>Die Sitzung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The session ended: %1.</source>
        <translation>Die Sitzung wurde beendet: %1.</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation>, noch %1</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <source>New Session…</source>
        <translation>Neue Sitzung…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Open Terminal</source>
        <translation>Terminal öffnen</translation>
    </message>
    <message>
        <source>Open Shell</source>
        <translation>Shell öffnen</translation>
    </message>
    <message>
        <source>Save Log…</source>
        <translation>Protokoll speichern…</translation>
    </message>
    <message>
        <source>Open a second terminal inside the running session</source>
        <translation>Ein zweites Terminal in der laufenden Sitzung öffnen</translation>
    </message>
    <message>
        <source>Session %1 failed: %2</source>
        <translation>Sitzung %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot start the session: %1</source>
        <translation>Die Sitzung kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>new session</source>
        <translation>neue Sitzung</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Cannot open a shell: %1</source>
        <translation>Es kann keine Shell geöffnet werden: %1</translation>
    </message>
    <message>
        <source>shell in %1</source>
        <translation>Shell in %1</translation>
    </message>
    <message>
        <source>Save Session Log</source>
        <translation>Sitzungsprotokoll speichern</translation>
    </message>
    <message>
        <source>Log saved to %1.</source>
        <translation>Protokoll unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>Cannot save the log: %1</source>
        <translation>Das Protokoll kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Session %1 stopped.</source>
        <translation>Sitzung %1 wurde gestoppt.</translation>
    </message>
    <message>
        <source>Cannot stop session %1: %2</source>
        <translation>Sitzung %1 kann nicht gestoppt werden: %2</translation>
    </message>
</context>
<context>
    <name>SettingValueDelegate</name>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>https://…, http://… or file:///…</source>
        <translation>https://…, http://… oder file:///…</translation>
    </message>
    <message>
        <source>comma-separated paths inside the project, or none</source>
        <translation>kommagetrennte Pfade innerhalb des Projekts oder none</translation>
    </message>
</context>
<context>
    <name>SettingsFileEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>Raw text</source>
        <translation>Rohtext</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>Speichern nicht möglich: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Saved, but another settings file has a problem: %1</source>
        <translation>Gespeichert, aber eine andere Einstellungsdatei hat ein Problem: %1</translation>
    </message>
    <message>
        <source>The file changed on disk and was reloaded.</source>
        <translation>Die Datei wurde auf dem Datenträger geändert und neu geladen.</translation>
    </message>
    <message>
        <source>The file changed on disk. Reload it and discard your edits?</source>
        <translation>Die Datei wurde auf dem Datenträger geändert. Möchten Sie sie neu laden und Ihre Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Keep My Edits</source>
        <translation>Meine Änderungen behalten</translation>
    </message>
</context>
<context>
    <name>SettingsKeyModel</name>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>
Default: %1</source>
        <translation>
Standard: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value in this file</source>
        <translation>Wert in dieser Datei</translation>
    </message>
    <message>
        <source>Effective value</source>
        <translation>Wirksamer Wert</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>global file, line %1</source>
        <translation>globale Datei, Zeile %1</translation>
    </message>
    <message>
        <source>project file, line %1</source>
        <translation>Projektdatei, Zeile %1</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>Befehlszeile</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Global — every project</source>
        <translation>Global — alle Projekte</translation>
    </message>
    <message>
        <source>Project — %1</source>
        <translation>Projekt — %1</translation>
    </message>
    <message>
        <source>Settings &amp;file:</source>
        <translation>Einstellungs&amp;datei:</translation>
    </message>
</context>
<context>
    <name>TerminalFindBar</name>
    <message>
        <source>Find in terminal</source>
        <translation>Im Terminal suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+Enter)</source>
        <translation>Vorherigen Treffer suchen (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Find the next match (Enter)</source>
        <translation>Nächsten Treffer suchen (Eingabe)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>TerminalWidget</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>The program was killed by %1.</source>
        <translation>Das Programm wurde durch %1 beendet.</translation>
    </message>
    <message>
        <source>The program exited with code %1.</source>
        <translation>Das Programm wurde mit Exit-Code %1 beendet.</translation>
    </message>
</context>
<context>
    <name>TrayMonitor</name>
    <message>
        <source>No sessions</source>
        <translation>Keine Sitzungen</translation>
    </message>
    <message>
        <source>New Session…</source>
        <translation>Neue Sitzung…</translation>
    </message>
    <message>
        <source>Cleanup…</source>
        <translation>Bereinigen…</translation>
    </message>
    <message>
        <source>Show Window</source>
        <translation>Fenster anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Quit Scorpiox Desktop</source>
        <translation>Scorpiox Desktop beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) still running will be stopped.</source>
        <translation>
            <numerusform>%n noch laufende Sitzung wird gestoppt.</numerusform>
            <numerusform>%n noch laufende Sitzungen werden gestoppt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop Sessions and Quit</source>
        <translation>Sitzungen stoppen und beenden</translation>
    </message>
</context>
<context>
    <name>TrayStatus</name>
    <message>
        <source>%1 exited</source>
        <translation>%1 beendet</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Scorpiox Desktop: %n session(s) running</source>
        <translation>
            <numerusform>Scorpiox Desktop: %n Sitzung läuft</numerusform>
            <numerusform>Scorpiox Desktop: %n Sitzungen laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>new session</source>
        <translation>neue Sitzung</translation>
    </message>
    <message>
        <source>on the host</source>
        <translation>auf dem Host</translation>
    </message>
</context>
</TS>
