import type { Session } from '@supabase/supabase-js';
import { Navigate, Route, Routes } from 'react-router';
import { AccountScreen } from '@/features/account';
import { HomeScreen } from '@/features/dashboard';
import { CheckInReviewScreen, ClientProgressScreen, ProgressScreen, QuestionnaireEditor, TrainerCheckInsScreen } from '@/features/progress';
import { ExerciseHistoryScreen, HistoryScreen, SessionScreen, TodayScreen } from '@/features/workouts';
import { AppShell } from './AppShell';
import { homePathFor, type NavRole } from './navigation';
import { NotFoundScreen } from './NotFoundScreen';
import { PlaceholderScreen } from './PlaceholderScreen';

/** Routes by role; a path another role uses sends you to your own start page. */
export function AppRoutes({ role, session }: { role: NavRole; session: Session }) {
  const home = homePathFor(role);
  const clientOnly = ['home', 'today', 'progress/*', 'history/*'];
  const trainerOnly = ['clients/*', 'programs/*', 'library/*', 'check-ins/*'];
  return (
    <Routes>
      <Route element={<AppShell role={role} />}>
        <Route index element={<Navigate to={home} replace />} />
        {role === 'client' ? (
          <>
            <Route path="home" element={<HomeScreen />} />
            <Route path="today" element={<TodayScreen />} />
            <Route path="progress/*" element={<ProgressScreen />} />
            <Route path="history" element={<HistoryScreen />} />
            <Route path="history/:sessionId" element={<SessionScreen />} />
            <Route path="history/exercise/:exerciseId" element={<ExerciseHistoryScreen />} />
            {trainerOnly.map((path) => (
              <Route key={path} path={path} element={<Navigate to={home} replace />} />
            ))}
          </>
        ) : (
          <>
            <Route path="clients/*" element={<PlaceholderScreen title="Clients" text="Your roster, invitations and each client's progress will appear here." />} />
            <Route path="programs/*" element={<PlaceholderScreen title="Programs" text="Build templates and assign programs to clients here." />} />
            <Route path="library/*" element={<PlaceholderScreen title="Exercise library" text="The catalogue and your own exercises will appear here." />} />
            <Route path="check-ins" element={<TrainerCheckInsScreen />} />
            <Route path="check-ins/questionnaire" element={<QuestionnaireEditor />} />
            <Route path="check-ins/review/:checkInId" element={<CheckInReviewScreen />} />
            <Route path="check-ins/client/:clientId" element={<ClientProgressScreen />} />
            {clientOnly.map((path) => (
              <Route key={path} path={path} element={<Navigate to={home} replace />} />
            ))}
          </>
        )}
        <Route path="account" element={<AccountScreen session={session} />} />
        <Route path="*" element={<NotFoundScreen home={home} />} />
      </Route>
    </Routes>
  );
}
