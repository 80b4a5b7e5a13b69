#!/usr/bin/env bash
# PACS retrieval against Debian's Orthanc on loopback, with DCMTK's own tools as peers in the
# same run: C-GET (lumen-cli pacs get) against getscu, C-MOVE (lumen-cli's own receiver) against
# movescu's, WADO-RS (lumen-cli pacs get --method wado) against the same C-GET, and a study-level query against a PACS holding STUDIES studies (lumen-cli pacs find
# against findscu). Every figure is process wall time, start-up included, for Lumen and peer alike,
# but the PACS tab's (pacs_gui_bench: from the click, inside the running viewer).
# Prints a Markdown table.
#
#   tests/benchmarks/pacs_bench.sh [BUILD_DIR]   (default build/release; RUNS=3 SLICES=400 STUDIES=1000)
set -euo pipefail
BUILD=${1:-build/release}
RUNS=${RUNS:-3}
SLICES=${SLICES:-400}
STUDIES=${STUDIES:-1000}
WORK=${WORK:-/tmp/lumen-pacs-bench}
CLI="$BUILD/bin/lumen-cli"
[ -x "$CLI" ] || { echo "missing $CLI: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
[ -x /usr/sbin/Orthanc ] || { echo "Orthanc is missing: installer/setup.sh" >&2; exit 1; }

free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
DICOM=$(free_port); HTTP=$(free_port); LUMEN=$(free_port); PEER=$(free_port)
rm -rf "$WORK/orthanc" "$WORK/out"
mkdir -p "$WORK/orthanc"
cat > "$WORK/orthanc/config.json" <<JSON
{ "Name": "LumenBench", "StorageDirectory": "$WORK/orthanc/storage", "IndexDirectory": "$WORK/orthanc/index",
  "HttpPort": $HTTP, "DicomPort": $DICOM, "DicomAet": "ORTHANC", "RemoteAccessAllowed": false,
  "AuthenticationEnabled": true, "RegisteredUsers": {"lumen": "secret"}, "DicomCheckCalledAet": true,
  "DicomAlwaysAllowEcho": true, "DicomAlwaysAllowFind": true, "DicomAlwaysAllowGet": true,
  "DicomAlwaysAllowMove": true, "DicomAlwaysAllowStore": true, "MaximumPduLength": 131072,
  "DicomModalities": {"lumen": ["LUMEN", "127.0.0.1", $LUMEN], "peer": ["PEER", "127.0.0.1", $PEER]},
  "StorageCompression": false, "LimitFindResults": 0,
  "Plugins": ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"], "DicomWeb": {"Enable": true, "Root": "/dicom-web/"} }
JSON
/usr/sbin/Orthanc "$WORK/orthanc/config.json" > "$WORK/orthanc/log.txt" 2>&1 &
ORTHANC=$!
trap 'kill $ORTHANC 2>/dev/null; wait $ORTHANC 2>/dev/null || true' EXIT
AT="--dimse ORTHANC@127.0.0.1:$DICOM"
for _ in $(seq 100); do "$CLI" pacs echo $AT --timeout 1 > /dev/null 2>&1 && break; sleep 0.2; done

# The CT, and STUDIES one-image studies of other patients (pydicom), uploaded with storescu.
[ -f "$WORK/ct/IM$(printf %05d "$SLICES").dcm" ] || { rm -rf "$WORK/ct"; "$CLI" synth-ct "$WORK/ct" --slices "$SLICES" --size 512 > /dev/null; }
if [ ! -f "$WORK/studies/$((STUDIES - 1)).dcm" ]; then
    rm -rf "$WORK/studies"
    /usr/bin/python3 - "$WORK/studies" "$STUDIES" <<'PY'
import os, sys
import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid
folder, count = sys.argv[1], int(sys.argv[2])
os.makedirs(folder)
for i in range(count):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    d = Dataset()
    d.file_meta = meta
    d.SOPClassUID, d.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    d.PatientName, d.PatientID = f"Bench^{i:04d}", f"BENCH-{i:04d}"
    d.StudyInstanceUID, d.SeriesInstanceUID = generate_uid(), generate_uid()
    d.StudyDate, d.Modality, d.StudyDescription = f"2024{1 + i % 12:02d}{1 + i % 28:02d}", "OT", "bench study"
    d.AccessionNumber, d.StudyID, d.SeriesNumber, d.InstanceNumber = f"A{i:06d}", "1", 1, 1
    d.Rows = d.Columns = 8
    d.SamplesPerPixel, d.PhotometricInterpretation = 1, "MONOCHROME2"
    d.BitsAllocated, d.BitsStored, d.HighBit, d.PixelRepresentation = 8, 8, 7, 0
    d.PixelData = np.full((8, 8), i % 256, np.uint8).tobytes()
    d.save_as(os.path.join(folder, f"{i}.dcm"), write_like_original=False)
PY
fi
# Uploaded through Orthanc's REST API: storescu waits ~80 ms on each C-STORE's acknowledgement here.
find "$WORK/ct" "$WORK/studies" -name '*.dcm' | /usr/bin/python3 -c '
import base64, sys, urllib.request
auth = "Basic " + base64.b64encode(b"lumen:secret").decode()
for path in sys.stdin.read().split():
    urllib.request.urlopen(urllib.request.Request("http://127.0.0.1:'"$HTTP"'/instances", data=open(path, "rb").read(),
                           headers={"Authorization": auth, "Content-Type": "application/dicom"})).read()'

STUDY=$("$CLI" pacs find $AT --patient-id LUMEN-SYNTH --json | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["results"][0]["StudyInstanceUID"])')
MB=$(du -sb "$WORK/ct" | awk '{printf "%.1f", $1 / 1e6}')

echo secret > "$WORK/password"
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
timed() {  # timed VAR command…: appends the wall time in ms to the array VAR
    local -n into=$1
    shift
    local t0
    t0=$(now)
    "$@" > /dev/null 2>&1
    into+=("$(ms "$t0" "$(now)")")
}
fresh() { rm -rf "$WORK/out"; mkdir -p "$WORK/out"; }
get_lumen=(); get_peer=(); wado_lumen=(); move_lumen=(); move_peer=(); find_lumen=(); find_peer=(); one_lumen=(); one_peer=()
for _ in $(seq "$RUNS"); do  # interleaved, so that both see the same machine
    fresh; timed get_lumen "$CLI" pacs get $AT --study "$STUDY" --out "$WORK/out"
    fresh; timed wado_lumen "$CLI" pacs get --dicomweb "http://127.0.0.1:$HTTP/dicom-web" --user lumen --password-file "$WORK/password" --study "$STUDY" --method wado --out "$WORK/out"
    fresh; timed get_peer getscu -S -aec ORTHANC -od "$WORK/out" -k QueryRetrieveLevel=STUDY -k StudyInstanceUID="$STUDY" 127.0.0.1 "$DICOM"
    fresh; timed move_lumen "$CLI" pacs get $AT --study "$STUDY" --method cmove --listen "$LUMEN" --out "$WORK/out"
    fresh; timed move_peer movescu -S -aet PEER -aem PEER -aec ORTHANC +P "$PEER" -od "$WORK/out" -k QueryRetrieveLevel=STUDY -k StudyInstanceUID="$STUDY" 127.0.0.1 "$DICOM"
    timed find_lumen "$CLI" pacs find $AT --level study --json
    timed find_peer findscu -S -aec ORTHANC -k QueryRetrieveLevel=STUDY -k StudyInstanceUID -k PatientName -k PatientID -k StudyDate -k ModalitiesInStudy -k AccessionNumber -k NumberOfStudyRelatedInstances 127.0.0.1 "$DICOM"
    # What a radiologist types: one patient's name.
    timed one_lumen "$CLI" pacs find $AT --level study --patient-name 'Bench^0500*' --json
    timed one_peer findscu -S -aec ORTHANC -k QueryRetrieveLevel=STUDY -k StudyInstanceUID -k 'PatientName=Bench^0500*' -k PatientID -k StudyDate -k ModalitiesInStudy -k AccessionNumber -k NumberOfStudyRelatedInstances 127.0.0.1 "$DICOM"
done
fresh
# The PACS tab: Retrieve → first image on screen, the whole retrieve into the database, GUI stalls.
cat > "$WORK/servers.json" <<JSON
{"servers": [{"name": "Bench PACS", "dimse": {"aet": "ORTHANC", "host": "127.0.0.1", "port": $DICOM}}]}
JSON
GUI=(env LUMEN_PACS_SERVERS="$WORK/servers.json" "$BUILD/bin/pacs_gui_bench" "$WORK/gui" "$RUNS")
[ -n "${DISPLAY:-}" ] || GUI=(xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" "${GUI[@]}")
mapfile -t gui_runs < <("${GUI[@]}" 2>/dev/null | grep '^{')
field() { for r in "${gui_runs[@]}"; do echo "$r" | /usr/bin/python3 -c "import json, sys; print(json.load(sys.stdin)['$1'])"; done | paste -sd/; }
rm -rf "$WORK/gui"
count=$("$CLI" pacs find $AT --level study --json | /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)["results"]))')

join() { local IFS=/; echo "$*"; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
rate() { /usr/bin/python3 -c "print(f'{$MB / ($1 / 1000):.1f}')"; }
ratio() { /usr/bin/python3 -c "print(f'{$2 / $1:.2f}')"; }
echo "Orthanc $(dpkg-query -W -f='${Version}' orthanc) on loopback; $(nproc) cores; a $SLICES-slice 512 × 512 CT ($MB MB); $count studies in the PACS"
echo
echo "| measure | Lumen ($RUNS runs) | peer, same runs | Lumen / peer (medians) | target |"
echo "|---|---|---|---|---|"
gl=$(median "${get_lumen[@]}"); gp=$(median "${get_peer[@]}")
echo "| C-GET of the CT, wall ms (MB/s) | $(join "${get_lumen[@]}") ms ($(rate "$gl") MB/s) | $(join "${get_peer[@]}") ms ($(rate "$gp") MB/s, getscu) | throughput $(ratio "$gl" "$gp") | ≥ 0.95 |"
wl=$(median "${wado_lumen[@]}")
echo "| WADO-RS of the CT (series in parallel), wall ms (MB/s) | $(join "${wado_lumen[@]}") ms ($(rate "$wl") MB/s) | $(join "${get_peer[@]}") ms ($(rate "$gp") MB/s, getscu's C-GET) | throughput $(ratio "$wl" "$gp") | ≥ C-GET |"
ml=$(median "${move_lumen[@]}"); mp=$(median "${move_peer[@]}")
echo "| C-MOVE of the CT, wall ms (MB/s) | $(join "${move_lumen[@]}") ms ($(rate "$ml") MB/s) | $(join "${move_peer[@]}") ms ($(rate "$mp") MB/s, movescu +P) | throughput $(ratio "$ml" "$mp") | ≥ 0.9 |"
echo "| PACS tab: Retrieve → first image on screen, ms | $(field first_image_ms) ms | $(join "${get_peer[@]}") ms (getscu's whole study: a viewer that waits for the C-GET shows its first image then) | | ≤ 500 ms |"
echo "| PACS tab: the whole retrieve into the database, opened, ms | $(field total_ms) ms | $(join "${get_peer[@]}") ms (getscu, files only) | | |"
echo "| PACS tab: longest GUI stall while retrieving, ms | $(field stall_ms) ms | | | ≤ 100 ms |"
echo "| PACS tab: longest GUI stall as the whole series opens (MPR + 3D), ms | $(field open_stall_ms) ms | | | |"
echo "| study query by patient name, $count studies in the PACS, wall ms | $(join "${one_lumen[@]}") ms | $(join "${one_peer[@]}") ms (findscu) | | ≤ 200 ms |"
echo "| study query listing all $count studies, wall ms | $(join "${find_lumen[@]}") ms | $(join "${find_peer[@]}") ms (findscu) | | |"
