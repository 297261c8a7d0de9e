using System.Text;

namespace IessClave.Web.Infrastructure.Mail.Calendar;

/// <summary>RFC 5545 content-line helpers: TEXT escaping (§3.3.11) and line folding (§3.1).</summary>
public static class IcsText
{
    /// <summary>Lines are at most this many octets, excluding the CRLF.</summary>
    public const int MaxLineOctets = 75;

    /// <summary>Escapes a TEXT value: <c>\</c>, <c>;</c>, <c>,</c> get a backslash; any line break becomes <c>\n</c>.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\' or ';' or ',':
                    sb.Append('\\').Append(c);
                    break;
                case '\r':
                    sb.Append("\\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                default:
                    sb.Append(char.IsControl(c) && c != '\t' ? ' ' : c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Folds one content line into CRLF-terminated physical lines of at most <see cref="MaxLineOctets"/> UTF-8 octets,
    /// each continuation starting with a space; never splits a character (or a surrogate pair).
    /// </summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sb = new StringBuilder(line.Length + 8);
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                sb.Append("\r\n ");
                octets = 1;
            }

            sb.Append(rune.ToString());
            octets += size;
        }

        return sb.Append("\r\n").ToString();
    }
}
