using O2C.Analytics.Pipeline;

namespace O2C.Analytics.Tests.Pipeline;

public sealed class SideBySideTests
{
    [Fact]
    public void Both_pieces_run_and_a_failure_comes_back_as_itself_after_the_other_has_finished()
    {
        var secondDone = false;
        var error = Assert.Throws<InvalidDataException>(() => SideBySide.Run(
            () => throw new InvalidDataException("the analyst workbook could not be written"),
            () => { Thread.Sleep(200); secondDone = true; }));
        Assert.Equal("the analyst workbook could not be written", error.Message);
        Assert.True(secondDone, "returned before the other piece finished");

        var firstDone = false;
        Assert.Throws<IOException>(() => SideBySide.Run(() => { Thread.Sleep(100); firstDone = true; }, () => throw new IOException("disk full")));
        Assert.True(firstDone);

        int a = 0, b = 0;
        SideBySide.Run(() => a = 1, () => b = 2);
        Assert.Equal((1, 2), (a, b));
    }
}
