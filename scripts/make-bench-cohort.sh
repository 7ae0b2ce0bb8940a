#!/usr/bin/env bash
# Builds the batch benchmark cohort: a folder of cases where, as in a real cohort, every case has its
# own image file, and a manifest (cases.csv) for `radiome batch`.
#
#   scripts/make-bench-cohort.sh OUT_DIR [BRAIN1 ELLIPSOID CT]
#
# Default: 60 cases =
#   10 x PyRadiomics brain1 MR with its label             (data/pyradiomics/brain1_*.nrrd; ~4,000 voxels)
#   10 x brain1 with the bench ellipsoid label            (data/bench/brain1_ellipsoid_label.nrrd; ~145,000 voxels)
#   40 x the IBSI-1 CT phantom with its lesion mask       (data/ibsi-1/ct-phantom/nifti; a real CT lesion)
# The manifest's `kind` column is passed through to the feature table.
#
# Then, for example:
#   ./radiome batch --manifest OUT_DIR/cases.csv --settings settings/native.yaml --out OUT_DIR/features.csv --threads 2
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:?usage: $0 OUT_DIR [BRAIN1 ELLIPSOID CT]}"
N_BRAIN="${2:-10}"; N_ELLIPSOID="${3:-10}"; N_CT="${4:-40}"
DATA="$ROOT/data"
for f in pyradiomics/brain1_image.nrrd pyradiomics/brain1_label.nrrd bench/brain1_ellipsoid_label.nrrd \
         ibsi-1/ct-phantom/nifti/image/phantom.nii.gz ibsi-1/ct-phantom/nifti/mask/mask.nii.gz; do
  [ -f "$DATA/$f" ] || { echo "$0: missing $DATA/$f" >&2; exit 1; }
done
mkdir -p "$OUT/images" "$OUT/masks"
echo "case_id,image,mask,kind" > "$OUT/cases.csv"
n=0
add() { # kind image mask extension
  n=$((n + 1))
  local id; id=$(printf 'case%03d' "$n")
  cp "$2" "$OUT/images/$id$4"
  cp "$3" "$OUT/masks/$id$4"
  echo "$id,images/$id$4,masks/$id$4,$1" >> "$OUT/cases.csv"
}
for _ in $(seq 1 "$N_BRAIN"); do add brain1 "$DATA/pyradiomics/brain1_image.nrrd" "$DATA/pyradiomics/brain1_label.nrrd" .nrrd; done
for _ in $(seq 1 "$N_ELLIPSOID"); do add ellipsoid "$DATA/pyradiomics/brain1_image.nrrd" "$DATA/bench/brain1_ellipsoid_label.nrrd" .nrrd; done
for _ in $(seq 1 "$N_CT"); do add ct_phantom "$DATA/ibsi-1/ct-phantom/nifti/image/phantom.nii.gz" "$DATA/ibsi-1/ct-phantom/nifti/mask/mask.nii.gz" .nii.gz; done
echo "$OUT/cases.csv: $n cases ($N_BRAIN brain1, $N_ELLIPSOID ellipsoid, $N_CT CT phantom)"
