"""The browser and computer toolsets and their per-member settings."""

from __future__ import annotations

from typing import Literal

from ...wire import WireModel
from .common import (
    CacheControlEphemeralParam,
)

__all__ = [
    "BrowserCloseTabConfigParam",
    "BrowserDoubleClickConfigParam",
    "BrowserFileUploadConfigParam",
    "BrowserFindConfigParam",
    "BrowserFormInputConfigParam",
    "BrowserGetPageTextConfigParam",
    "BrowserHoldKeyConfigParam",
    "BrowserHoverConfigParam",
    "BrowserJavascriptExecConfigParam",
    "BrowserKeyConfigParam",
    "BrowserLeftClickConfigParam",
    "BrowserLeftClickDragConfigParam",
    "BrowserLeftMouseDownConfigParam",
    "BrowserLeftMouseUpConfigParam",
    "BrowserListTabsConfigParam",
    "BrowserMiddleClickConfigParam",
    "BrowserMouseMoveConfigParam",
    "BrowserNavigateConfigParam",
    "BrowserNewTabConfigParam",
    "BrowserReadConsoleConfigParam",
    "BrowserReadNetworkConfigParam",
    "BrowserReadPageConfigParam",
    "BrowserRightClickConfigParam",
    "BrowserScreenshotConfigParam",
    "BrowserScrollConfigParam",
    "BrowserScrollToConfigParam",
    "BrowserSwitchTabConfigParam",
    "BrowserToolset20260801Param",
    "BrowserToolsetConfigsParam",
    "BrowserTripleClickConfigParam",
    "BrowserTypeConfigParam",
    "BrowserWaitConfigParam",
    "BrowserZoomConfigParam",
    "ComputerCursorPositionConfigParam",
    "ComputerDoubleClickConfigParam",
    "ComputerHoldKeyConfigParam",
    "ComputerKeyConfigParam",
    "ComputerLeftClickConfigParam",
    "ComputerLeftClickDragConfigParam",
    "ComputerLeftMouseDownConfigParam",
    "ComputerLeftMouseUpConfigParam",
    "ComputerMiddleClickConfigParam",
    "ComputerMouseMoveConfigParam",
    "ComputerRightClickConfigParam",
    "ComputerScreenshotConfigParam",
    "ComputerScrollConfigParam",
    "ComputerToolset20260801Param",
    "ComputerToolsetConfigsParam",
    "ComputerTripleClickConfigParam",
    "ComputerTypeConfigParam",
    "ComputerWaitConfigParam",
    "ComputerZoomConfigParam",
    "ToolsetMemberConfigParam",
]


class ToolsetMemberConfigParam(WireModel):
    """Settings of one member tool of a browser or computer toolset (the shape every
    ``*ConfigParam`` of the SDK shares).
    """

    defer_loading: bool | None = None
    """Whether to leave the member out of the initial prompt until it is needed."""

    enabled: bool | None = None
    """Whether the member is offered to the model."""


class BrowserCloseTabConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``close_tab`` member of the browser toolset."""


class BrowserDoubleClickConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``double_click`` member of the browser toolset."""


class BrowserFileUploadConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``file_upload`` member of the browser toolset."""


class BrowserFindConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``find`` member of the browser toolset."""


class BrowserFormInputConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``form_input`` member of the browser toolset."""


class BrowserGetPageTextConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``get_page_text`` member of the browser toolset."""


class BrowserHoldKeyConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``hold_key`` member of the browser toolset."""


class BrowserHoverConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``hover`` member of the browser toolset."""


class BrowserJavascriptExecConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``javascript_exec`` member of the browser toolset."""


class BrowserKeyConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``key`` member of the browser toolset."""


class BrowserLeftClickConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``left_click`` member of the browser toolset."""


class BrowserLeftClickDragConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``left_click_drag`` member of the browser toolset."""


class BrowserLeftMouseDownConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``left_mouse_down`` member of the browser toolset."""


class BrowserLeftMouseUpConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``left_mouse_up`` member of the browser toolset."""


class BrowserListTabsConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``list_tabs`` member of the browser toolset."""


class BrowserMiddleClickConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``middle_click`` member of the browser toolset."""


class BrowserMouseMoveConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``mouse_move`` member of the browser toolset."""


class BrowserNavigateConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``navigate`` member of the browser toolset."""


class BrowserNewTabConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``new_tab`` member of the browser toolset."""


class BrowserReadConsoleConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``read_console`` member of the browser toolset."""


class BrowserReadNetworkConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``read_network`` member of the browser toolset."""


class BrowserReadPageConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``read_page`` member of the browser toolset."""


class BrowserRightClickConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``right_click`` member of the browser toolset."""


class BrowserScreenshotConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``screenshot`` member of the browser toolset."""


class BrowserScrollConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``scroll`` member of the browser toolset."""


class BrowserScrollToConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``scroll_to`` member of the browser toolset."""


class BrowserSwitchTabConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``switch_tab`` member of the browser toolset."""


class BrowserTripleClickConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``triple_click`` member of the browser toolset."""


class BrowserTypeConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``type`` member of the browser toolset."""


class BrowserWaitConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``wait`` member of the browser toolset."""


class BrowserZoomConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``zoom`` member of the browser toolset."""


class BrowserToolsetConfigsParam(WireModel):
    """Sparse per-member overrides of the browser toolset, keyed by member name."""

    type: BrowserTypeConfigParam | None = None
    """`type`'s config overrides."""

    close_tab: BrowserCloseTabConfigParam | None = None
    """`close_tab`'s config overrides."""

    double_click: BrowserDoubleClickConfigParam | None = None
    """`double_click`'s config overrides."""

    file_upload: BrowserFileUploadConfigParam | None = None
    """`file_upload`'s config overrides."""

    find: BrowserFindConfigParam | None = None
    """`find`'s config overrides."""

    form_input: BrowserFormInputConfigParam | None = None
    """`form_input`'s config overrides."""

    get_page_text: BrowserGetPageTextConfigParam | None = None
    """`get_page_text`'s config overrides."""

    hold_key: BrowserHoldKeyConfigParam | None = None
    """`hold_key`'s config overrides."""

    hover: BrowserHoverConfigParam | None = None
    """`hover`'s config overrides."""

    javascript_exec: BrowserJavascriptExecConfigParam | None = None
    """`javascript_exec`'s config overrides."""

    key: BrowserKeyConfigParam | None = None
    """`key`'s config overrides."""

    left_click: BrowserLeftClickConfigParam | None = None
    """`left_click`'s config overrides."""

    left_click_drag: BrowserLeftClickDragConfigParam | None = None
    """`left_click_drag`'s config overrides."""

    left_mouse_down: BrowserLeftMouseDownConfigParam | None = None
    """`left_mouse_down`'s config overrides."""

    left_mouse_up: BrowserLeftMouseUpConfigParam | None = None
    """`left_mouse_up`'s config overrides."""

    list_tabs: BrowserListTabsConfigParam | None = None
    """`list_tabs`'s config overrides."""

    middle_click: BrowserMiddleClickConfigParam | None = None
    """`middle_click`'s config overrides."""

    mouse_move: BrowserMouseMoveConfigParam | None = None
    """`mouse_move`'s config overrides."""

    navigate: BrowserNavigateConfigParam | None = None
    """`navigate`'s config overrides."""

    new_tab: BrowserNewTabConfigParam | None = None
    """`new_tab`'s config overrides."""

    read_console: BrowserReadConsoleConfigParam | None = None
    """`read_console`'s config overrides."""

    read_network: BrowserReadNetworkConfigParam | None = None
    """`read_network`'s config overrides."""

    read_page: BrowserReadPageConfigParam | None = None
    """`read_page`'s config overrides."""

    right_click: BrowserRightClickConfigParam | None = None
    """`right_click`'s config overrides."""

    screenshot: BrowserScreenshotConfigParam | None = None
    """`screenshot`'s config overrides."""

    scroll: BrowserScrollConfigParam | None = None
    """`scroll`'s config overrides."""

    scroll_to: BrowserScrollToConfigParam | None = None
    """`scroll_to`'s config overrides."""

    switch_tab: BrowserSwitchTabConfigParam | None = None
    """`switch_tab`'s config overrides."""

    triple_click: BrowserTripleClickConfigParam | None = None
    """`triple_click`'s config overrides."""

    wait: BrowserWaitConfigParam | None = None
    """`wait`'s config overrides."""

    zoom: BrowserZoomConfigParam | None = None
    """`zoom`'s config overrides."""


class ComputerCursorPositionConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``cursor_position`` member of the computer toolset."""


class ComputerDoubleClickConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``double_click`` member of the computer toolset."""


class ComputerHoldKeyConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``hold_key`` member of the computer toolset."""


class ComputerKeyConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``key`` member of the computer toolset."""


class ComputerLeftClickConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``left_click`` member of the computer toolset."""


class ComputerLeftClickDragConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``left_click_drag`` member of the computer toolset."""


class ComputerLeftMouseDownConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``left_mouse_down`` member of the computer toolset."""


class ComputerLeftMouseUpConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``left_mouse_up`` member of the computer toolset."""


class ComputerMiddleClickConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``middle_click`` member of the computer toolset."""


class ComputerMouseMoveConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``mouse_move`` member of the computer toolset."""


class ComputerRightClickConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``right_click`` member of the computer toolset."""


class ComputerScreenshotConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``screenshot`` member of the computer toolset."""


class ComputerScrollConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``scroll`` member of the computer toolset."""


class ComputerTripleClickConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``triple_click`` member of the computer toolset."""


class ComputerTypeConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``type`` member of the computer toolset."""


class ComputerWaitConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``wait`` member of the computer toolset."""


class ComputerZoomConfigParam(ToolsetMemberConfigParam):
    """Settings of the ``zoom`` member of the computer toolset."""


class ComputerToolsetConfigsParam(WireModel):
    """Sparse per-member overrides of the computer toolset, keyed by member name."""

    type: ComputerTypeConfigParam | None = None
    """`type`'s config overrides."""

    cursor_position: ComputerCursorPositionConfigParam | None = None
    """`cursor_position`'s config overrides."""

    double_click: ComputerDoubleClickConfigParam | None = None
    """`double_click`'s config overrides."""

    hold_key: ComputerHoldKeyConfigParam | None = None
    """`hold_key`'s config overrides."""

    key: ComputerKeyConfigParam | None = None
    """`key`'s config overrides."""

    left_click: ComputerLeftClickConfigParam | None = None
    """`left_click`'s config overrides."""

    left_click_drag: ComputerLeftClickDragConfigParam | None = None
    """`left_click_drag`'s config overrides."""

    left_mouse_down: ComputerLeftMouseDownConfigParam | None = None
    """`left_mouse_down`'s config overrides."""

    left_mouse_up: ComputerLeftMouseUpConfigParam | None = None
    """`left_mouse_up`'s config overrides."""

    middle_click: ComputerMiddleClickConfigParam | None = None
    """`middle_click`'s config overrides."""

    mouse_move: ComputerMouseMoveConfigParam | None = None
    """`mouse_move`'s config overrides."""

    right_click: ComputerRightClickConfigParam | None = None
    """`right_click`'s config overrides."""

    screenshot: ComputerScreenshotConfigParam | None = None
    """`screenshot`'s config overrides."""

    scroll: ComputerScrollConfigParam | None = None
    """`scroll`'s config overrides."""

    triple_click: ComputerTripleClickConfigParam | None = None
    """`triple_click`'s config overrides."""

    wait: ComputerWaitConfigParam | None = None
    """`wait`'s config overrides."""

    zoom: ComputerZoomConfigParam | None = None
    """`zoom`'s config overrides."""


class BrowserToolset20260801Param(WireModel):
    """The browser toolset, version ``browser_toolset_20260801``."""

    type: Literal["browser_toolset_20260801"] = "browser_toolset_20260801"
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    configs: BrowserToolsetConfigsParam | None = None
    """Sparse per-member overrides, keyed by member name."""


class ComputerToolset20260801Param(WireModel):
    """The computer toolset, version ``computer_toolset_20260801``."""

    type: Literal["computer_toolset_20260801"] = "computer_toolset_20260801"
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    configs: ComputerToolsetConfigsParam | None = None
    """Sparse per-member overrides, keyed by member name."""
