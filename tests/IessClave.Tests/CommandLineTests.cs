using IessClave.Web;

namespace IessClave.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Split_WhenVerbGiven_SeparatesVerbArgumentsFromHostSettings()
    {
        var (command, host) = CommandLine.Split(["import-affiliates", "registro.csv", "--skip-bad-rows", "--Database:Provider=Postgres"]);

        Assert.Equal("import-affiliates", command!.Verb);
        Assert.Equal(["registro.csv", "--skip-bad-rows"], command.Arguments);
        Assert.Equal(["--Database:Provider=Postgres"], host);
    }

    [Fact]
    public void Split_WhenNoVerb_PassesEverythingToTheHost()
    {
        var (command, host) = CommandLine.Split(["--urls=http://127.0.0.1:5090"]);

        Assert.Null(command);
        Assert.Equal(["--urls=http://127.0.0.1:5090"], host);
    }

    [Fact]
    public void Split_WhenCreateAdmin_KeepsTheDisplayNameAsOneArgument()
    {
        var (command, host) = CommandLine.Split(["create-admin", "ana.perez", "Ana Pérez", "--Database:Provider=Postgres"]);

        Assert.Equal("create-admin", command!.Verb);
        Assert.Equal(["ana.perez", "Ana Pérez"], command.Arguments);
        Assert.Equal(["--Database:Provider=Postgres"], host);
    }
}
