using System.Text.RegularExpressions;
using MimeKit;

namespace IessClave.Web.Features.Registration;

/// <summary>Validation of the contact step: a mobile phone and an email address typed twice.</summary>
public static partial class ContactData
{
    public const int MaxEmailLength = 254;

    public static string? NormalizePhone(string? input)
    {
        var compact = new string((input ?? "").Where(c => c is not (' ' or '-' or '(' or ')')).ToArray());
        return PhonePattern().IsMatch(compact) ? compact : null;
    }

    /// <summary>Returns the trimmed address, or null for anything a mail header could be abused with.</summary>
    public static string? NormalizeEmail(string? input)
    {
        var value = input?.Trim() ?? "";
        if (value.Length is 0 or > MaxEmailLength || !EmailPattern().IsMatch(value))
        {
            return null;
        }

        return MailboxAddress.TryParse(value, out var parsed) && parsed.Address == value && string.IsNullOrEmpty(parsed.Name)
            ? value
            : null;
    }

    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@');
        if (at <= 0)
        {
            return "***";
        }

        var local = email[..at];
        var shown = local.Length <= 2 ? local[..1] : local[..2];
        return $"{shown}{new string('*', Math.Max(3, local.Length - shown.Length))}{email[at..]}";
    }

    [GeneratedRegex(@"^(09\d{8}|\+[1-9]\d{7,14})$")]
    private static partial Regex PhonePattern();

    // ASCII only; no spaces, quotes, angle brackets, commas or control characters (CR/LF header injection).
    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();
}
