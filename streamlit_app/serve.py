"""The web app as served: `streamlit run streamlit_app/serve.py` (what `make run` does).

Streamlit runs streamlit_app/app.py as the app; this file only adds the two
small routes that set and clear the session cookie (streamlit_app/kept_sessions.py),
so a reload keeps a person signed in. `streamlit run streamlit_app/app.py`
still works, without kept sessions (a reload then signs you out).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from streamlit_app import kept_sessions

app = st.App(Path(__file__).with_name("app.py"), routes=kept_sessions.routes())
