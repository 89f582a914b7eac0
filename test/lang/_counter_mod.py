# helper: counts how often its body runs
import builtins
builtins._weft_counter_runs = getattr(builtins, "_weft_counter_runs", 0) + 1
RUNS = builtins._weft_counter_runs
