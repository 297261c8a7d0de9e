using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IessClave.Web.Infrastructure.Mail;

/// <summary>
/// Writes each mail as <c>{yyyyMMddHHmmssfff}-{message id}.eml</c> into a folder, so a developer can open the
/// activation link without an SMTP server. Sending the same Message-ID again overwrites the existing file.
/// </summary>
public sealed partial class OutboxMailSender : IMailSender
{
    private const string TimestampFormat = "yyyyMMddHHmmssfff";

    private readonly IOptions<MailOptions> options;
    private readonly TimeProvider timeProvider;
    private readonly SemaphoreSlim gate = new(1, 1);

    public OutboxMailSender(IOptions<MailOptions> options, string directory, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        this.options = options;
        this.timeProvider = timeProvider;
        FolderPath = Path.GetFullPath(directory);
    }

    public string FolderPath { get; }

    public static bool IsOutboxFileName(string? fileName) => fileName is not null && FileNamePattern().IsMatch(fileName);

    public async Task SendAsync(MailEnvelope envelope, CancellationToken ct)
    {
        var now = timeProvider.GetUtcNow();
        using var message = MimeMessageFactory.Create(envelope, options.Value, now);
        var suffix = "-" + Sanitise(envelope.MessageId) + ".eml";

        await gate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(FolderPath);
            var target = FindExisting(suffix)
                ?? Path.Combine(FolderPath, now.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture) + suffix);
            var temp = Path.Combine(FolderPath, $".{Guid.NewGuid():N}.tmp");
            await using (var stream = File.Create(temp))
            {
                await message.WriteToAsync(stream, ct);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The newest <paramref name="max"/> mails, newest first.</summary>
    public IReadOnlyList<OutboxEntry> List(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (!Directory.Exists(FolderPath))
        {
            return [];
        }

        return Directory.EnumerateFiles(FolderPath, "*.eml")
            .Select(Path.GetFileName)
            .Where(IsOutboxFileName)
            .OrderDescending(StringComparer.Ordinal)
            .Take(max)
            .Select(name => Read(name!))
            .OfType<OutboxEntry>()
            .ToList();
    }

    /// <summary>Reads one mail by file name; null when absent. Anything but an outbox file name is rejected.</summary>
    public OutboxEntry? Read(string fileName)
    {
        if (!IsOutboxFileName(fileName))
        {
            throw new ArgumentException("Not an outbox file name.", nameof(fileName));
        }

        var path = Path.Combine(FolderPath, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var message = MimeMessage.Load(path);
        return new OutboxEntry(
            fileName,
            message.Date,
            message.MessageId ?? "",
            string.Join(", ", message.To.Mailboxes.Select(m => m.Address)),
            message.Subject ?? "",
            message.TextBody ?? "",
            message.HtmlBody ?? "",
            string.Join(", ", message.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "")));
    }

    internal static string Sanitise(string messageId)
    {
        var chars = messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@' ? c : '_');
        var safe = new string(chars.Take(120).ToArray());
        return safe.Trim('.');
    }

    private string? FindExisting(string suffix) =>
        Directory.EnumerateFiles(FolderPath, "*" + suffix)
            .Select(Path.GetFileName)
            .Where(name => IsOutboxFileName(name) && name!.Length == TimestampFormat.Length + suffix.Length)
            .Select(name => Path.Combine(FolderPath, name!))
            .FirstOrDefault();

    [GeneratedRegex(@"^\d{17}-[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,119}\.eml$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
