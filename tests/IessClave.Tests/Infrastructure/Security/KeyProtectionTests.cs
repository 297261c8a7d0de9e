using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IessClave.Tests.Support;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Infrastructure.Security;

/// <summary>A PFX made for the test, in a folder of its own; the app encrypts its data-protection keys with it.</summary>
public sealed class EncryptedKeysApp : PostgresApp
{
    public const string Password = "clave-del-certificado-de-prueba";

    public string Folder { get; } = Directory.CreateTempSubdirectory("iessclave-keys-").FullName;

    public string CertificatePath => Path.Combine(Folder, "keys.pfx");

    protected override IDictionary<string, string?> Overrides => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = CertificatePath,
        ["DataProtection:CertificatePassword"] = Password,
        ["DataProtection:RequireEncryptedKeys"] = "true",
    };

    protected override Task BeforeStartAsync()
    {
        File.WriteAllBytes(CertificatePath, KeyProtectionTests.NewCertificate().Export(X509ContentType.Pkcs12, Password));
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

[Collection(Name)]
public sealed class KeyProtectionTests(EncryptedKeysApp app) : IClassFixture<EncryptedKeysApp>
{
    public const string Name = "Encrypted keys";

    [Fact]
    public async Task KeysInTheDatabase_AreEncrypted_AndReadableBackOnlyWithTheCertificate()
    {
        var protectedByApp = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("enlace-secreto");

        var stored = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        var withCertificate = Reader(new KeyProtectionOptions { CertificatePath = app.CertificatePath, CertificatePassword = EncryptedKeysApp.Password });
        var withoutCertificate = Reader(new KeyProtectionOptions());

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        });
        // A new process reading the keys from the database (as another node or a restart does).
        Assert.Equal("enlace-secreto", withCertificate.CreateProtector("test").Unprotect(protectedByApp));
        Assert.ThrowsAny<CryptographicException>(() => withoutCertificate.CreateProtector("test").Unprotect(protectedByApp));
    }

    [Fact]
    public void NoCertificate_IsAllowed_UnlessRequired()
    {
        Assert.Null(KeyProtection.LoadCertificates(new KeyProtectionOptions()).Current);

        var refused = Assert.Throws<InvalidOperationException>(() => KeyProtection.LoadCertificates(new KeyProtectionOptions { RequireEncryptedKeys = true }));
        Assert.Contains("DataProtection:CertificatePath is not set", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadCertificates_StopTheStart_NamingTheOption_NeverThePassword()
    {
        var publicOnly = Path.Combine(app.Folder, "public-only.pfx");
        File.WriteAllBytes(publicOnly, X509CertificateLoader.LoadCertificate(NewCertificate().Export(X509ContentType.Cert)).Export(X509ContentType.Pkcs12, "x"));
        var garbage = Path.Combine(app.Folder, "garbage.pfx");
        File.WriteAllText(garbage, "no es un certificado");

        var missing = Refused(new() { CertificatePath = Path.Combine(app.Folder, "missing.pfx") });
        var wrongPassword = Refused(new() { CertificatePath = app.CertificatePath, CertificatePassword = "contraseña-equivocada" });
        var damaged = Refused(new() { CertificatePath = garbage, CertificatePassword = "x" });
        var noPrivateKey = Refused(new() { CertificatePath = publicOnly, CertificatePassword = "x" });
        var badPrevious = Refused(new() { CertificatePath = app.CertificatePath, CertificatePassword = EncryptedKeysApp.Password, PreviousCertificatePaths = [garbage] });

        Assert.Contains("DataProtection:CertificatePath: no such file", missing, StringComparison.Ordinal);
        Assert.Contains("not a PKCS#12 (.pfx) certificate this password opens", wrongPassword, StringComparison.Ordinal);
        Assert.DoesNotContain("contraseña-equivocada", wrongPassword, StringComparison.Ordinal);
        Assert.Contains("not a PKCS#12", damaged, StringComparison.Ordinal);
        Assert.Contains("has no private key", noPrivateKey, StringComparison.Ordinal);
        Assert.Contains("DataProtection:PreviousCertificatePaths:0", badPrevious, StringComparison.Ordinal);
    }

    public static X509Certificate2 NewCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=IessClave data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static string Refused(KeyProtectionOptions options) =>
        Assert.Throws<InvalidOperationException>(() => KeyProtection.LoadCertificates(options)).Message;

    private IDataProtectionProvider Reader(KeyProtectionOptions options)
    {
        var services = new ServiceCollection();
        services.AddDbContext<IessClaveDbContext, PostgresDbContext>(o => o.UseNpgsql(app.Database.ConnectionString));
        services.AddKeyProtection(options);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }
}
