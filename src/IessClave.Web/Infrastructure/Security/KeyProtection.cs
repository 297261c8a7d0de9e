using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;

namespace IessClave.Web.Infrastructure.Security;

/// <summary>
/// Data protection (sign-in cookies, antiforgery, queued mail with its links, booking manage links): keys kept in
/// the database so every node shares them, and encrypted there with a certificate when one is configured, so
/// whoever reads the database (a backup, a replica) cannot read the keys. A broken configuration stops the start.
/// </summary>
public static class KeyProtection
{
    public static WebApplicationBuilder AddKeyProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddKeyProtection(builder.Configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions());
        return builder;
    }

    /// <summary>Needs an <see cref="IessClaveDbContext"/> registered in <paramref name="services"/>.</summary>
    public static IDataProtectionBuilder AddKeyProtection(this IServiceCollection services, KeyProtectionOptions options)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("IessClave").PersistKeysToDbContext<IessClaveDbContext>();
        var (current, previous) = LoadCertificates(options);
        if (current is not null)
        {
            dataProtection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        }

        return dataProtection;
    }

    /// <summary>The certificate to encrypt with and the older ones to decrypt with; throws with the option to fix.</summary>
    public static (X509Certificate2? Current, IReadOnlyList<X509Certificate2> Previous) LoadCertificates(KeyProtectionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return options.RequireEncryptedKeys
                ? throw new InvalidOperationException("DataProtection:RequireEncryptedKeys is on but DataProtection:CertificatePath is not set.")
                : (null, []);
        }

        return (Load(options.CertificatePath, options.CertificatePassword, "DataProtection:CertificatePath"),
            [.. options.PreviousCertificatePaths.Select((p, i) => Load(p, options.CertificatePassword, $"DataProtection:PreviousCertificatePaths:{i}"))]);
    }

    private static X509Certificate2 Load(string path, string? password, string option)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{option}: no such file ({path}).");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException)
        {
            // The message of a wrong password or a damaged file says nothing useful and nothing secret.
            throw new InvalidOperationException($"{option}: the file is not a PKCS#12 (.pfx) certificate this password opens.");
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{option}: the certificate has no private key, so keys could not be read back.");
    }
}
