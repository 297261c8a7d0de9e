using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.Mail;

/// <summary>Cross-field rules DataAnnotations cannot express (and the nested Smtp object it does not visit).</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        try
        {
            MimeMessageFactory.Mailbox(options.FromName, options.FromAddress, "Mail:FromAddress");
        }
        catch (ArgumentException)
        {
            failures.Add("Mail:FromAddress must be one valid email address and Mail:FromName a single line.");
        }

        if (!Enum.IsDefined(options.Delivery))
        {
            failures.Add($"Mail:Delivery '{options.Delivery}' is not Outbox or Smtp.");
        }

        if (options.Delivery == MailDelivery.Smtp && string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            failures.Add("Mail:Smtp:Host is required when Mail:Delivery is Smtp.");
        }

        if (!Enum.IsDefined(options.Smtp.Security))
        {
            failures.Add($"Mail:Smtp:Security '{options.Smtp.Security}' is not None, StartTls, SslOnConnect or Auto.");
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options.Smtp, new ValidationContext(options.Smtp), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"Mail:Smtp: {r.ErrorMessage}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
