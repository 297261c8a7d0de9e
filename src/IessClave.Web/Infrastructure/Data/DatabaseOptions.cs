using System.ComponentModel.DataAnnotations;

namespace IessClave.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/iessclave.db";

    /// <summary>Apply pending migrations when the app starts (the embedded default and compose do).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
