using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace StreamChat.Tests.Shared;

/// <summary>
/// Listens to the process's activity sources and meters the way an OpenTelemetry SDK does (System.Diagnostics'
/// <see cref="ActivityListener"/> and <see cref="MeterListener"/>), and keeps every finished span and every measurement
/// with its tags. By default it listens to every source and meter of the process, not only ours, so a test that
/// searches the recorded values also sees what HttpClient and ASP.NET Core record on our behalf.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ConcurrentDictionary<Instrument, byte> _instruments = new();

    public TelemetryRecorder(Func<string, bool>? sources = null)
    {
        var listensTo = sources ?? (_ => true);
        _activities = new ActivityListener
        {
            ShouldListenTo = source => listensTo(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (listensTo(instrument.Meter.Name))
                {
                    _instruments[instrument] = 0;
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>The finished spans, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Spans => _spans.ToArray();

    public IReadOnlyList<Measurement> Measurements => _measurements.ToArray();

    /// <summary>Every instrument published so far by a meter this recorder listens to.</summary>
    public IReadOnlyCollection<Instrument> Instruments => _instruments.Keys.ToArray();

    public IEnumerable<Activity> SpansNamed(string name) => Spans.Where(span => span.OperationName == name);

    public IEnumerable<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    /// <summary>Sum of the values recorded by <paramref name="instrument"/> whose tags include every pair of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, object Value)[] tags) =>
        Of(instrument).Where(m => tags.All(tag => m.Tags.TryGetValue(tag.Key, out var value) && Equals(value, tag.Value))).Sum(m => m.Value);

    public int Count(string instrument, params (string Key, object Value)[] tags) =>
        Of(instrument).Count(m => tags.All(tag => m.Tags.TryGetValue(tag.Key, out var value) && Equals(value, tag.Value)));

    /// <summary>Reads the observable instruments now (they report only when collected).</summary>
    public void Collect() => _meters.RecordObservableInstruments();

    /// <summary>
    /// Every recorded string: span names, status descriptions, span and event tags, baggage, measurement tags, the
    /// names of meters and sources: what an exporter would send.
    /// </summary>
    public IEnumerable<(string Where, string Value)> AllRecordedValues()
    {
        foreach (var span in Spans)
        {
            var where = $"span '{span.Source.Name}/{span.OperationName}'";
            yield return (where, span.DisplayName);
            yield return (where, span.StatusDescription ?? "");
            foreach (var tag in span.TagObjects)
            {
                yield return ($"{where} tag {tag.Key}", Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }

            foreach (var item in span.Baggage)
            {
                yield return ($"{where} baggage {item.Key}", item.Value ?? "");
            }

            foreach (var spanEvent in span.Events)
            {
                yield return ($"{where} event", spanEvent.Name);
                foreach (var tag in spanEvent.Tags)
                {
                    yield return ($"{where} event tag {tag.Key}", Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }
        }

        foreach (var measurement in Measurements)
        {
            foreach (var tag in measurement.Tags)
            {
                yield return ($"metric '{measurement.Instrument}' tag {tag.Key}", Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }

    internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
