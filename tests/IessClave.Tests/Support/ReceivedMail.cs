using MimeKit;

namespace IessClave.Tests.Support;

/// <summary>A message received by <see cref="SmtpTestServer"/> with its SMTP envelope.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTo, MimeMessage Message);
