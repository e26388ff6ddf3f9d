namespace O2C.Analytics.Generate;

/// <summary>Seeded draws for the generator. <see cref="Random(int)"/> is stable across runtimes for a seed.</summary>
public sealed class SampleRandom(int seed)
{
    private readonly Random _random = new(seed);

    public static SampleRandom For(int seed, int stream) => new(unchecked(seed * 1_000_003 + stream * 7_919 + 17));

    /// <summary>A new independent stream seeded from this one (one draw from this stream).</summary>
    public SampleRandom Fork() => new(_random.Next());

    public double Uniform() => _random.NextDouble();

    public int Between(int minInclusive, int maxInclusive) => _random.Next(minInclusive, maxInclusive + 1);

    public bool Chance(double p) => _random.NextDouble() < p;

    public double Normal(double mean, double sd)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(Normal(0, sigma));

    public int Poisson(double lambda)
    {
        if (lambda > 30) return Math.Max(0, (int)Math.Round(Normal(lambda, Math.Sqrt(lambda))));
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = 1.0;
        do { k++; p *= _random.NextDouble(); } while (p > limit);
        return k - 1;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public T Weighted<T>(IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = items.Sum(i => i.Weight);
        var x = _random.NextDouble() * total;
        foreach (var (item, weight) in items)
        {
            x -= weight;
            if (x < 0) return item;
        }
        return items[^1].Item;
    }
}
