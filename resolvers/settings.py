"""The settings, re-exported from where they live now: hrgraph_contract.settings.

The one Settings object moved into the contract package because the client and the web
app read it too (the API address, the sign-in mode, the Cognito ids) and may import no
server package. This name stays only so that the local server's modules, which another
branch is rewriting at the same time, keep importing; new code imports
hrgraph_contract.settings.
"""

from hrgraph_contract.settings import PREFIX as PREFIX
from hrgraph_contract.settings import Settings as Settings
from hrgraph_contract.settings import SettingsError as SettingsError
from hrgraph_contract.settings import markdown_table as markdown_table
