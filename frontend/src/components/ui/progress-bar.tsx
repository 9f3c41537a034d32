/** A native <progress> so assistive technology reads the value; `label` names what progresses. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <progress
      aria-label={label}
      max={100}
      value={value}
      className="h-2 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-zinc-200 [&::-webkit-progress-value]:bg-indigo-600 dark:[&::-webkit-progress-bar]:bg-zinc-800 [&::-moz-progress-bar]:bg-indigo-600"
    />
  );
}
