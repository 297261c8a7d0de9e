using System.ComponentModel.DataAnnotations;

namespace IessClave.Web.Features.Unlock.Window;

public sealed class WindowOptions
{
    public const string Section = "Window";

    /// <summary>Searches one agent may make per <see cref="SearchWindow"/> (deters browsing through people's data).</summary>
    [Range(1, 1000)]
    public int SearchesPerAgent { get; set; } = 30;

    public TimeSpan SearchWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a search result lets the agent open the account's case.</summary>
    public TimeSpan SearchGrantLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>After this long without a check, another agent may take over a case held at a window.</summary>
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>Why the agent looks a person up: stated on every search and kept in the audit trail.</summary>
public enum WindowSearchReason
{
    InPersonService = 1,
    CaseFollowUp = 2,
    ContactDataCorrection = 3,
    Other = 4,
}

public static class WindowTexts
{
    public const int NoteMinLength = 3;
    public const int NoteMaxLength = 200;

    public static string Of(WindowSearchReason reason) => reason switch
    {
        WindowSearchReason.InPersonService => "Atención en ventanilla",
        WindowSearchReason.CaseFollowUp => "Seguimiento de un caso",
        WindowSearchReason.ContactDataCorrection => "Corrección de datos de contacto",
        WindowSearchReason.Other => "Otro",
        _ => reason.ToString(),
    };

    /// <summary>The free-text part of the reason on one line, without control characters (it goes to the audit trail).</summary>
    public static string CleanNote(string? note) =>
        string.Join(' ', new string((note ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
