using System;

namespace StreamChat.DevServer.Dashboard;

/// <summary>A dashboard form field is not valid: code 4, with a message for a person and the field to mark.</summary>
internal sealed class DashboardInputException(string field, string message) : Exception(message)
{
    /// <summary>The request field (and form control) at fault.</summary>
    public string Field { get; } = field;
}
