"""Dependencies of the routes, as short Annotated aliases so that signatures read like sentences."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from bot.assistant import Dalil
from bot.config import Settings


def get_dalil(request: Request) -> Dalil:
    return request.app.state.dalil


def get_settings(request: Request) -> Settings:
    return request.app.state.dalil.settings


DalilDep = Annotated[Dalil, Depends(get_dalil)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
