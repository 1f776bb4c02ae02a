using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace StreamChat.DevServer.State;

/// <summary>One user of a <c>PATCH /users</c> request: custom fields to set and to remove, and the server-owned fields it may change.</summary>
/// <param name="Id">The user's id (created when unknown).</param>
/// <param name="Set">Fields to set; server-owned ones other than the role and the revocation cutoff are ignored.</param>
/// <param name="Unset">Custom fields to remove; server-owned names are ignored.</param>
/// <param name="Role">The new role, or <see langword="null"/> to keep it.</param>
/// <param name="Revoke">Whether <paramref name="RevokedBefore"/> is given (a null cutoff clears it).</param>
/// <param name="RevokedBefore">The user's new revocation cutoff.</param>
internal sealed record UserPatch(string Id, JsonObject Set, IReadOnlyList<string> Unset, string? Role, bool Revoke, DateTimeOffset? RevokedBefore);
