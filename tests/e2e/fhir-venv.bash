# Sourced by the tests that check FHIR resources: sets FHIR_PY to a python
# with fhir.resources 6.5 (the FHIR R4 models) from PyPI, in a venv cached
# across runs, installing it the first time.
venv="${XDG_CACHE_HOME:-$HOME/.cache}/intake-tests/fhir-r4-venv"
if ! "$venv/bin/python" -c 'import fhir.resources.questionnaire' 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check "fhir.resources==6.5.0" "pydantic<2" >/dev/null 2>&1 || {
    echo "could not install fhir.resources 6.5.0 (R4) into $venv: pip install 'fhir.resources==6.5.0' 'pydantic<2'"; exit 1; }
fi
FHIR_PY="$venv/bin/python"
