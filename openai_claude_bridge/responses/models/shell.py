"""Items of the local shell, shell and apply-patch tools: their calls and outputs.

Requests carry the input classes (``ShellCall``, ``ShellCallOutput``, ``ApplyPatchCall``,
``ApplyPatchCallOutput``: ``id`` and ``status`` may be absent); responses carry the output classes
(``ResponseFunctionShellToolCall`` ... with ``id``, ``status`` and ``created_by``).
"""

from typing import Annotated, Literal, Optional, Union

from ...wire import OpenUnion, WireModel
from .shared import Caller, ItemStatus
from .tools import ContainerReference, LocalEnvironment, UnknownToolEnvironment

__all__ = [
    "ApplyPatchCall",
    "ApplyPatchCallOutput",
    "ApplyPatchCallOutputStatus",
    "ApplyPatchCallStatus",
    "ApplyPatchOperation",
    "LocalShellCall",
    "LocalShellCallAction",
    "LocalShellCallOutput",
    "OperationCreateFile",
    "OperationDeleteFile",
    "OperationUpdateFile",
    "OutcomeExit",
    "OutcomeTimeout",
    "ResponseApplyPatchToolCall",
    "ResponseApplyPatchToolCallOutput",
    "ResponseFunctionShellCallOutputContent",
    "ResponseFunctionShellToolCall",
    "ResponseFunctionShellToolCallOutput",
    "ShellCall",
    "ShellCallAction",
    "ShellCallEnvironment",
    "ShellCallOutcome",
    "ShellCallOutput",
    "UnknownApplyPatchOperation",
    "UnknownShellOutcome",
]

#: Status of an ``apply_patch_call``.
ApplyPatchCallStatus = Literal["in_progress", "completed"]
#: Status of an ``apply_patch_call_output``.
ApplyPatchCallOutputStatus = Literal["completed", "failed"]


# --------------------------------------------------------------------------- local shell


class LocalShellCallAction(WireModel):
    """A command to run on the caller's machine."""

    command: list[str]
    env: dict[str, str]
    type: Literal["exec"] = "exec"
    timeout_ms: Optional[int] = None
    user: Optional[str] = None
    working_directory: Optional[str] = None


class LocalShellCall(WireModel):
    """A call of the (legacy) local shell tool."""

    id: str
    action: LocalShellCallAction
    call_id: str
    status: Union[ItemStatus, str]
    type: Literal["local_shell_call"] = "local_shell_call"


class LocalShellCallOutput(WireModel):
    """The output of a local shell call."""

    id: str
    output: str
    """JSON text with the command's output."""
    type: Literal["local_shell_call_output"] = "local_shell_call_output"
    status: Optional[Union[ItemStatus, str]] = None


# --------------------------------------------------------------------------- shell


class ShellCallAction(WireModel):
    """Commands a shell call runs (also ``ResponseFunctionShellToolCall``'s ``Action``)."""

    commands: list[str]
    max_output_length: Optional[int] = None
    timeout_ms: Optional[int] = None


class OutcomeTimeout(WireModel):
    """The command timed out."""

    type: Literal["timeout"] = "timeout"


class OutcomeExit(WireModel):
    """The command exited."""

    exit_code: int
    type: Literal["exit"] = "exit"


class UnknownShellOutcome(WireModel):
    """A shell outcome this package does not know; kept and dumped back unchanged."""

    type: str


#: How a shell command ended.
ShellCallOutcome = Annotated[
    Union[OutcomeTimeout, OutcomeExit, UnknownShellOutcome],
    OpenUnion("type", fallback=UnknownShellOutcome),
]


class ResponseFunctionShellCallOutputContent(WireModel):
    """The output of one shell command (also the SDK's ``Output`` of shell call outputs)."""

    outcome: ShellCallOutcome
    stderr: str
    stdout: str
    created_by: Optional[str] = None
    """Id of the entity that created the output (responses only)."""


#: Where a shell call ran.
ShellCallEnvironment = Annotated[
    Union[LocalEnvironment, ContainerReference, UnknownToolEnvironment],
    OpenUnion("type", fallback=UnknownToolEnvironment),
]


class ShellCall(WireModel):
    """A call of the shell tool, sent back in a request."""

    action: ShellCallAction
    call_id: str
    type: Literal["shell_call"] = "shell_call"
    id: Optional[str] = None
    caller: Optional[Caller] = None
    environment: Optional[ShellCallEnvironment] = None
    status: Optional[Union[ItemStatus, str]] = None


class ResponseFunctionShellToolCall(WireModel):
    """A call of the shell tool, as an item of a response."""

    id: str
    action: ShellCallAction
    call_id: str
    status: Union[ItemStatus, str]
    type: Literal["shell_call"] = "shell_call"
    environment: Optional[ShellCallEnvironment] = None
    caller: Optional[Caller] = None
    created_by: Optional[str] = None


class ShellCallOutput(WireModel):
    """The output of a shell call, sent back in a request."""

    call_id: str
    output: list[ResponseFunctionShellCallOutputContent]
    type: Literal["shell_call_output"] = "shell_call_output"
    id: Optional[str] = None
    caller: Optional[Caller] = None
    max_output_length: Optional[int] = None
    status: Optional[Union[ItemStatus, str]] = None


class ResponseFunctionShellToolCallOutput(WireModel):
    """The output of a shell call, as an item of a response."""

    id: str
    call_id: str
    output: list[ResponseFunctionShellCallOutputContent]
    status: Union[ItemStatus, str]
    type: Literal["shell_call_output"] = "shell_call_output"
    max_output_length: Optional[int] = None
    caller: Optional[Caller] = None
    created_by: Optional[str] = None


# --------------------------------------------------------------------------- apply patch


class OperationCreateFile(WireModel):
    """Create a file with the content of a diff."""

    diff: str
    path: str
    type: Literal["create_file"] = "create_file"


class OperationDeleteFile(WireModel):
    """Delete a file."""

    path: str
    type: Literal["delete_file"] = "delete_file"


class OperationUpdateFile(WireModel):
    """Apply a diff to a file."""

    diff: str
    path: str
    type: Literal["update_file"] = "update_file"


class UnknownApplyPatchOperation(WireModel):
    """A patch operation this package does not know; kept and dumped back unchanged."""

    type: str


#: What an apply-patch call does.
ApplyPatchOperation = Annotated[
    Union[
        OperationCreateFile, OperationDeleteFile, OperationUpdateFile, UnknownApplyPatchOperation
    ],
    OpenUnion("type", fallback=UnknownApplyPatchOperation),
]


class ApplyPatchCall(WireModel):
    """A call of the apply-patch tool, sent back in a request."""

    call_id: str
    operation: ApplyPatchOperation
    status: Union[ApplyPatchCallStatus, str]
    type: Literal["apply_patch_call"] = "apply_patch_call"
    id: Optional[str] = None
    caller: Optional[Caller] = None


class ResponseApplyPatchToolCall(WireModel):
    """A call of the apply-patch tool, as an item of a response."""

    id: str
    call_id: str
    operation: ApplyPatchOperation
    status: Union[ApplyPatchCallStatus, str]
    type: Literal["apply_patch_call"] = "apply_patch_call"
    caller: Optional[Caller] = None
    created_by: Optional[str] = None


class ApplyPatchCallOutput(WireModel):
    """The output of an apply-patch call, sent back in a request."""

    call_id: str
    status: Union[ApplyPatchCallOutputStatus, str]
    type: Literal["apply_patch_call_output"] = "apply_patch_call_output"
    id: Optional[str] = None
    caller: Optional[Caller] = None
    output: Optional[str] = None
    """Log text of the patch application."""


class ResponseApplyPatchToolCallOutput(WireModel):
    """The output of an apply-patch call, as an item of a response."""

    id: str
    call_id: str
    status: Union[ApplyPatchCallOutputStatus, str]
    type: Literal["apply_patch_call_output"] = "apply_patch_call_output"
    caller: Optional[Caller] = None
    created_by: Optional[str] = None
    output: Optional[str] = None
