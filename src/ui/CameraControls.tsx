import { useTranslation } from 'react-i18next';
import type { MapSigma as GraphSigma } from './map/SigmaHost';

export function CameraControls({ sigma, onZoomToSelection }: { sigma: GraphSigma | null; onZoomToSelection?: () => void }) {
  const { t } = useTranslation();
  const camera = sigma?.getCamera();
  return (
    <div className="camera-controls" role="group" aria-label={t('camera.fit')} data-map-obstacle>
      <button type="button" onClick={() => void camera?.animatedZoom({ duration: 250 })} title={t('camera.zoomIn')} aria-label={t('camera.zoomIn')}>
        +
      </button>
      <button type="button" onClick={() => void camera?.animatedUnzoom({ duration: 250 })} title={t('camera.zoomOut')} aria-label={t('camera.zoomOut')}>
        −
      </button>
      <button type="button" onClick={() => void camera?.animatedReset({ duration: 300 })} title={t('camera.fit')} aria-label={t('camera.fit')} data-testid="zoom-fit">
        ⤢
      </button>
      {onZoomToSelection && (
        <button type="button" onClick={onZoomToSelection} title={t('camera.selection')} aria-label={t('camera.selection')} data-testid="zoom-selection">
          ◎
        </button>
      )}
    </div>
  );
}
