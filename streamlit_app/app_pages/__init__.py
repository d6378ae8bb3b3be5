"""One Streamlit page per file; app.py lists the ones the user's groups may open."""
