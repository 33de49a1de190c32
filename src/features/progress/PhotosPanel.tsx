import { useEffect, useMemo, useState } from 'react';
import { newRowId } from '@/db';
import { photoBucket, uploadPendingPhotos } from './photos-api';
import { progressStore, type PhotoPose, type PhotoRecord } from './progress-store';
import { usePhotos, useUserId } from './useProgressData';
import { onBackInReach } from '@/sync/reachability';

const POSES: PhotoPose[] = ['front', 'side', 'back'];

/** An object URL for a blob, revoked when it is no longer shown. */
function useObjectUrl(blob: Blob | undefined): string | undefined {
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : undefined), [blob]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

function Photo({ photo, label }: { photo: PhotoRecord | undefined; label: string }) {
  const url = useObjectUrl(photo?.blob);
  return (
    <figure className="photo">
      {url ? <img src={url} alt={label} /> : <div className="photo-missing">No photo</div>}
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** Progress photos: taken or picked on the device, kept there; compared side by side by date. */
export function PhotosPanel({ today }: { today: string }) {
  const userId = useUserId();
  const { value: photos, loaded } = usePhotos(userId);
  const [pose, setPose] = useState<PhotoPose>('front');
  const [day, setDay] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const days = useMemo(() => [...new Set(photos.map((p) => p.takenOn))].sort().reverse(), [photos]);
  const [left, setLeft] = useState<string>('');
  const [right, setRight] = useState<string>('');
  const before = left || days[days.length - 1] || '';
  const after = right || days[0] || '';
  const find = (d: string, p: PhotoPose) =>
    photos.filter((x) => x.takenOn === d && x.pose === p).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];

  useEffect(() => {
    const upload = () => void uploadPendingPhotos(userId);
    upload();
    return onBackInReach(upload);
  }, [userId, photos.length]);

  async function add(file: File | undefined) {
    if (!file) return;
    if (!file.type.startsWith('image/')) {
      setError('Choose an image file');
      return;
    }
    if (file.size > 15 * 1024 * 1024) {
      setError('The photo is over 15 MB: choose a smaller one');
      return;
    }
    setError(null);
    await progressStore(userId).photos.add({
      id: newRowId(),
      clientId: userId,
      takenOn: day,
      pose,
      blob: file,
      createdAt: new Date().toISOString(),
      uploadedPath: null,
    });
  }

  return (
    <section className="screen" aria-labelledby="photos-title">
      <h2 id="photos-title" className="visually-hidden">
        Photos
      </h2>
      <div className="card">
        <h2>Add a photo</h2>
        <p className="muted small">
          {photoBucket
            ? 'Photos are kept on this device and uploaded to your account when online.'
            : 'Photos are kept on this device only.'}
        </p>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="photo-pose">Pose</label>
            <select id="photo-pose" value={pose} onChange={(e) => setPose(e.target.value as PhotoPose)}>
              {POSES.map((p) => (
                <option key={p} value={p}>
                  {p[0]?.toUpperCase() + p.slice(1)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="photo-day">Day</label>
            <input id="photo-day" type="date" value={day} max={today} onChange={(e) => setDay(e.target.value)} />
          </div>
        </div>
        <label htmlFor="photo-file" className="button">
          Take or choose a photo
        </label>
        <input
          id="photo-file"
          className="visually-hidden"
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(e) => void add(e.target.files?.[0]).then(() => (e.target.value = ''))}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {loaded && days.length === 0 && <p className="empty">No photos yet.</p>}
      {days.length > 0 && (
        <div className="card">
          <h2>Compare</h2>
          <div className="field-grid">
            <div className="field">
              <label htmlFor="compare-before">Before</label>
              <select id="compare-before" value={before} onChange={(e) => setLeft(e.target.value)}>
                {days.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-after">After</label>
              <select id="compare-after" value={after} onChange={(e) => setRight(e.target.value)}>
                {days.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </div>
          </div>
          {POSES.filter((p) => find(before, p) || find(after, p)).map((p) => (
            <div key={p} className="photo-compare" aria-label={`${p} photos`}>
              <Photo photo={find(before, p)} label={`${p}, ${before}`} />
              <Photo photo={find(after, p)} label={`${p}, ${after}`} />
            </div>
          ))}
          <ul className="plain-list small muted">
            {photos
              .filter((p) => p.takenOn === before || p.takenOn === after)
              .map((p) => (
                <li key={p.id}>
                  {p.takenOn} {p.pose}: {p.uploadedPath ? 'uploaded' : photoBucket ? 'waiting to upload' : 'on this device'}{' '}
                  <button type="button" className="link" onClick={() => void progressStore(userId).photos.delete(p.id)}>
                    Delete
                  </button>
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}
