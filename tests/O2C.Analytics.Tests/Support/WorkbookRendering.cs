using System.Diagnostics;

namespace O2C.Analytics.Tests.Support;

/// <summary>A workbook rendered as it prints, by scripts/render-workbook.sh (LibreOffice, poppler): the PDF and its page count.</summary>
public static class WorkbookRendering
{
    public static bool Available => OnPath("soffice") && OnPath("pdftoppm") && OnPath("pdfinfo");

    public static (string Pdf, int Pages) Render(string workbook, string outFolder)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(RepoPaths.Root, "scripts", "render-workbook.sh"), workbook, outFolder, "30" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"render-workbook.sh failed: {error}");
        return (Path.Combine(outFolder, Path.GetFileNameWithoutExtension(workbook) + ".pdf"), int.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, tool)));
}

/// <summary>A fact that renders a workbook; it skips, saying why, where LibreOffice or poppler is missing.</summary>
public sealed class RenderFactAttribute : FactAttribute
{
    public RenderFactAttribute()
    {
        if (!WorkbookRendering.Available)
            Skip = "LibreOffice (soffice) or poppler (pdftoppm, pdfinfo) is not installed: run bash scripts/setup.sh (scripts/test.sh and .ci/run do)";
    }
}
