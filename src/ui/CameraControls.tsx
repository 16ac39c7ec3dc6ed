import { useTranslation } from 'react-i18next';
import type { GraphSigma } from './GraphView';

export function CameraControls({ sigma }: { sigma: GraphSigma | null }) {
  const { t } = useTranslation();
  const camera = sigma?.getCamera();
  return (
    <div className="camera-controls" role="group" aria-label="camera">
      <button type="button" onClick={() => void camera?.animatedZoom({ duration: 250 })} title={t('camera.zoomIn')} aria-label={t('camera.zoomIn')}>
        +
      </button>
      <button type="button" onClick={() => void camera?.animatedUnzoom({ duration: 250 })} title={t('camera.zoomOut')} aria-label={t('camera.zoomOut')}>
        −
      </button>
      <button type="button" onClick={() => void camera?.animatedReset({ duration: 300 })} title={t('camera.fit')} aria-label={t('camera.fit')}>
        ⤢
      </button>
    </div>
  );
}
