using MimeKit;

namespace IessClave.Web.Infrastructure.Mail;

/// <summary>
/// One attached file. The name is ASCII letters, digits, <c>.</c>, <c>-</c>, <c>_</c> (at most
/// <see cref="MaxFileNameLength"/>, not starting with a dot); the content at most <see cref="MaxContentBytes"/>.
/// Equality compares the bytes.
/// </summary>
public sealed record MailAttachment
{
    public const int MaxFileNameLength = 100;
    public const int MaxContentBytes = 1024 * 1024;

    public MailAttachment(string fileName, string contentType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(contentType);
        ArgumentNullException.ThrowIfNull(content);
        if (fileName.Length is 0 or > MaxFileNameLength || fileName[0] == '.'
            || !fileName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ArgumentException($"An attachment name is 1-{MaxFileNameLength} ASCII letters, digits, '.', '-' or '_'.", nameof(fileName));
        }

        if (contentType.Any(char.IsControl) || !MimeKit.ContentType.TryParse(contentType, out _))
        {
            throw new ArgumentException("Not a valid MIME content type.", nameof(contentType));
        }

        if (content.Length > MaxContentBytes)
        {
            throw new ArgumentException($"An attachment is at most {MaxContentBytes} bytes.", nameof(content));
        }

        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public string FileName { get; }

    public string ContentType { get; }

    public byte[] Content { get; }

    public bool Equals(MailAttachment? other) =>
        other is not null && FileName == other.FileName && ContentType == other.ContentType && Content.AsSpan().SequenceEqual(other.Content);

    public override int GetHashCode() => HashCode.Combine(FileName, ContentType, Content.Length);

    internal MimePart ToMimePart() => new(MimeKit.ContentType.Parse(ContentType))
    {
        Content = new MimeContent(new MemoryStream(Content, writable: false)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = FileName,
    };
}
