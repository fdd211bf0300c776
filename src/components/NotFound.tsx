import { Link } from 'react-router';
import { useT } from './useT';

export function NotFound() {
  const { t } = useT();
  return (
    <div className="panel">
      <h1>{t('notFound.title')}</h1>
      <p role="alert">{t('notFound.title')}</p>
      <Link to="/">{t('notFound.back')}</Link>
    </div>
  );
}
