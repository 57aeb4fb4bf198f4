"""The revisions, one file per revision, named after its id (NNNN_slug.py). Alembic loads them by path;
this file only makes setuptools and PyInstaller treat the folder as part of the package."""
