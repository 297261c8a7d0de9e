namespace IessClave.E2E;
public class PlaceholderTests { [Fact] public void Placeholder_Builds() => Assert.True(typeof(Program).Assembly.GetName().Name == "IessClave.Web"); }
