using Microsoft.Playwright;

namespace IessClave.E2E.Support;

/// <summary>Keyboard-only helpers: reach controls with Tab the way a person without a mouse does.</summary>
public static class KeyboardNavigation
{
    /// <summary>Presses Tab until document.activeElement matches <paramref name="selector"/>; fails if not reached.</summary>
    public static async Task TabToAsync(IPage page, string selector, int maxPresses = 40)
    {
        for (var presses = 0; presses <= maxPresses; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"Tab did not reach '{selector}' within {maxPresses} presses on {page.Url}; focus is on {focused}");
    }

    /// <summary>
    /// Types a date into the focused &lt;input type=date&gt;. Its segment order follows the browser's language
    /// (dd/mm/aaaa in Spanish; this Debian Chromium ships only en-US, so mm/dd/yyyy): a probe learns the order,
    /// then Shift+Tab goes back to the first segment and the real date is typed over it.
    /// </summary>
    public static async Task TypeDateAsync(IPage page, ILocator field, string isoDate)
    {
        await page.Keyboard.TypeAsync("01022003");
        var dayFirst = await field.InputValueAsync() switch
        {
            "2003-02-01" => true,
            "2003-01-02" => false,
            var other => throw new InvalidOperationException($"Unexpected date field order: typing 01 02 2003 gave '{other}'."),
        };
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        var (year, month, day) = (isoDate[..4], isoDate[5..7], isoDate[8..]);
        await page.Keyboard.TypeAsync(dayFirst ? day + month + year : month + day + year);
        await Assertions.Expect(field).ToHaveValueAsync(isoDate);
    }

    /// <summary>The focused element shows a focus indicator (an outline or a box shadow).</summary>
    public static async Task AssertFocusVisibleAsync(IPage page)
    {
        var style = await page.EvaluateAsync<string[]>(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }");
        var hasOutline = style[0] != "none" && style[1] != "0px";
        Assert.True(hasOutline || style[2] != "none", $"No visible focus indicator: outline {style[0]} {style[1]}, box-shadow {style[2]}");
    }

    /// <summary>At the current width the page does not scroll sideways (WCAG 1.4.10 Reflow); names what sticks out.</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth <= width)
        {
            return;
        }

        var wide = await page.EvaluateAsync<string[]>(
            "w => [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > w && ![...e.children].some(c => c.getBoundingClientRect().right > w)).slice(0, 5).map(e => e.outerHTML.slice(0, 160))",
            width);
        Assert.Fail($"{page.Url} scrolls sideways: scrollWidth {scrollWidth} > {width}. Sticking out: {string.Join(" | ", wide)}");
    }
}
