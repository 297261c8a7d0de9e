using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IessClave.E2E.Support;

/// <summary>Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on pages and reports every violation at the end.</summary>
public sealed class AxeAudit
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private readonly StringBuilder report = new();
    private int violations;

    public List<string> Checked { get; } = [];

    public async Task CheckAsync(IPage page, string label)
    {
        var result = await page.RunAxe(Options);
        Assert.True(result.Passes.Length > 0, $"axe checked no rule on {page.Url}");
        Checked.Add($"{label}: {result.Passes.Length} rules passed, {result.Violations.Length} violated");
        foreach (var v in result.Violations)
        {
            violations++;
            report.AppendLine($"[{label}] {page.Url}");
            report.AppendLine($"  {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}");
            foreach (var node in v.Nodes)
            {
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message);
                report.AppendLine($"    at {node.Target}: {node.Html}");
                report.AppendLine($"      {string.Join(" | ", checks)}");
            }
        }
    }

    public void AssertNoViolations()
    {
        Assert.True(violations == 0, $"{violations} axe violation(s) on {Checked.Count} pages:\n{report}");
    }
}
